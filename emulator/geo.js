/**
 * Geometry for the geo query operators and the $geoNear stage, on a sphere of MongoDB's radius.
 * Documents hold GeoJSON (what the SDK's db.Geo types serialize to) or legacy [lng, lat] pairs.
 * Polygons are tested in the plane of longitude and latitude: exact enough for the city-sized
 * shapes this product draws, not for shapes spanning hemispheres.
 */
'use strict'

/** MongoDB's earth radius (metres) for GeoJSON distances; radians × this = metres. */
const EARTH_RADIUS_M = 6378100

const isNumberPair = (v) => Array.isArray(v) && v.length >= 2 && typeof v[0] === 'number' && typeof v[1] === 'number'

/** Every [lng, lat] of a stored geometry, or undefined when the value is not one. */
function coordinatesOf(v) {
  if (isNumberPair(v)) return [v]
  if (v === null || typeof v !== 'object' || typeof v.type !== 'string') return undefined
  const c = v.coordinates
  switch (v.type) {
    case 'Point':
      return isNumberPair(c) ? [c] : undefined
    case 'MultiPoint':
    case 'LineString':
      return Array.isArray(c) ? c : undefined
    case 'MultiLineString':
    case 'Polygon':
      return Array.isArray(c) ? c.flat() : undefined
    case 'MultiPolygon':
      return Array.isArray(c) ? c.flat(2) : undefined
    default:
      return undefined
  }
}

/** The point of a stored value (a Point, or a legacy pair), or undefined. */
function pointOf(v) {
  const c = coordinatesOf(v)
  return c && c.length === 1 ? c[0] : undefined
}

const rad = (deg) => (deg * Math.PI) / 180

/** Great-circle distance in radians between two [lng, lat] points. */
function arc(a, b) {
  const dLat = rad(b[1] - a[1])
  const dLng = rad(b[0] - a[0])
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLng / 2) ** 2
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)))
}

function inRing(p, ring) {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

const inPolygon = (p, rings) => inRing(p, rings[0]) && !rings.slice(1).some((hole) => inRing(p, hole))

/** A test of whether a [lng, lat] point lies within the shape of a $geoWithin argument. */
function withinTest(spec) {
  if (spec && spec.$geometry) {
    const g = spec.$geometry
    if (g.type === 'Polygon') return (p) => inPolygon(p, g.coordinates)
    if (g.type === 'MultiPolygon') return (p) => g.coordinates.some((rings) => inPolygon(p, rings))
    throw new Error(`$geoWithin $geometry must be a Polygon or MultiPolygon, not ${g.type}`)
  }
  if (spec && Array.isArray(spec.$centerSphere)) {
    const [center, radius] = spec.$centerSphere
    return (p) => arc(center, p) <= radius
  }
  if (spec && Array.isArray(spec.$center)) {
    const [[x, y], r] = spec.$center
    return (p) => Math.hypot(p[0] - x, p[1] - y) <= r
  }
  if (spec && Array.isArray(spec.$box)) {
    const [[x1, y1], [x2, y2]] = spec.$box
    return (p) =>
      p[0] >= Math.min(x1, x2) && p[0] <= Math.max(x1, x2) && p[1] >= Math.min(y1, y2) && p[1] <= Math.max(y1, y2)
  }
  if (spec && Array.isArray(spec.$polygon)) return (p) => inRing(p, spec.$polygon)
  throw new Error('$geoWithin needs $geometry, $centerSphere, $center, $box or $polygon')
}

/** Centre and bounds (metres) of a $nearSphere / $near argument in the GeoJSON form the SDK sends. */
function nearSpec(spec) {
  const center = spec && pointOf(spec.$geometry)
  if (!center) throw new Error('$nearSphere needs { $geometry: Point }')
  return { center, min: spec.$minDistance, max: spec.$maxDistance }
}

/** Distance in metres from `center` to a stored point value, or undefined when it holds none. */
function metresFrom(center, value) {
  const p = pointOf(value)
  return p ? arc(center, p) * EARTH_RADIUS_M : undefined
}

module.exports = { coordinatesOf, pointOf, withinTest, nearSpec, metresFrom }
