/**
 * MongoDB extended JSON as the SDK speaks it (bson's EJSON, canonical mode on the way in).
 * Written by hand so the emulator does not depend on the SDK's private copy of bson.
 */
import { CloudError } from './errors'

/** Server time for `$tcb_server_date` markers; one value per request, like the cloud. */
export interface DecodeOptions {
  now: number
}

// Tag checks rather than instanceof: under jest, values may come from another realm.
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]'
const isRegExp = (v: unknown): v is RegExp => Object.prototype.toString.call(v) === '[object RegExp]'

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype

function single(o: Record<string, unknown>): string | undefined {
  const keys = Object.keys(o)
  return keys.length === 1 ? keys[0] : undefined
}

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v
  if (typeof v === 'string') return Number(v)
  throw new CloudError('INVALID_PARAM', `bad extended JSON number: ${JSON.stringify(v)}`)
}

/** JS RegExp flags from MongoDB options ('x' and 'l' have no JS equivalent and are dropped). */
const regexFlags = (options: string) => [...(options || '')].filter((c) => 'imsu'.includes(c)).join('')

/** Turns parsed extended JSON into plain JS values: numbers, Dates, RegExps, ObjectIds as hex strings. */
export function decode(value: unknown, opts: DecodeOptions): unknown {
  if (Array.isArray(value)) return value.map((v) => decode(v, opts))
  if (!isPlain(value)) return value
  const key = single(value)
  if (key !== undefined && key.startsWith('$')) {
    const v = value[key] as Record<string, unknown>
    switch (key) {
      case '$numberInt':
      case '$numberLong':
      case '$numberDouble':
      case '$numberDecimal':
        return toNumber(v)
      case '$date': {
        if (isPlain(v) && '$numberLong' in v) return new Date(toNumber(v.$numberLong))
        const d = new Date(v as unknown as string | number)
        if (Number.isNaN(d.getTime())) throw new CloudError('INVALID_PARAM', 'bad extended JSON date')
        return d
      }
      case '$oid':
        return String(v)
      case '$regularExpression':
        return new RegExp(String(v.pattern), regexFlags(String(v.options ?? '')))
      case '$tcb_server_date': {
        const offset = isPlain(v) && v.offset !== undefined ? toNumber(decode(v.offset, opts)) : 0
        return new Date(opts.now + offset)
      }
      case '$binary':
      case '$timestamp':
      case '$minKey':
      case '$maxKey':
      case '$symbol':
      case '$code':
      case '$dbPointer':
        throw new CloudError('INVALID_PARAM', `extended JSON type ${key} is not supported by the local cloud`)
    }
  }
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(value)) out[k] = decode(value[k], opts)
  return out
}

/** Parses an extended JSON string as the SDK sends it. */
export function parse(text: unknown, opts: DecodeOptions): unknown {
  if (typeof text !== 'string') throw new CloudError('INVALID_PARAM', 'expected an extended JSON string')
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new CloudError('INVALID_PARAM', 'malformed extended JSON')
  }
  return decode(raw, opts)
}

/**
 * Extended JSON the SDK's `EJSON.parse` turns back into the same values: Dates as `$date`,
 * plain numbers for finite numbers (relaxed mode), `$numberDouble` for the rest.
 */
export function toEJSON(value: unknown): unknown {
  if (isDate(value)) return { $date: { $numberLong: String(value.getTime()) } }
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $numberDouble: String(value) }
  if (isRegExp(value)) return { $regularExpression: { pattern: value.source, options: value.flags } }
  if (Array.isArray(value)) return value.map(toEJSON)
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[k]
      if (v !== undefined) out[k] = toEJSON(v)
    }
    return out
  }
  return value
}

export const stringify = (value: unknown) => JSON.stringify(toEJSON(value))

/** A deep copy of plain data (objects, arrays, Dates, RegExps) made in this realm. */
export function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T
  if (isDate(value)) return new Date(value.getTime()) as T
  if (isRegExp(value)) return new RegExp(value.source, value.flags) as T
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value)) out[k] = copy((value as Record<string, unknown>)[k])
    return out as T
  }
  return value
}
