/**
 * Map points: choosing one for an activity and opening the map at one. Taro picks `location.weapp.ts`
 * or `location.h5.ts`; this file is the interface both satisfy and the fallback for tests and targets
 * without a map (where the screens hide the map buttons instead of offering a dead one).
 */
export interface MapPoint {
  latitude: number
  longitude: number
}

export interface LocationService {
  /** Whether `choose` and `open` can work here. */
  available: boolean
  /** The point the user picked, or null when they closed the map. */
  choose(): Promise<(MapPoint & { name: string; address: string }) | null>
  open(point: MapPoint, name: string, address: string): Promise<void>
}

export const location: LocationService = {
  available: false,
  choose: () => Promise.resolve(null),
  open: () => Promise.resolve(),
}
