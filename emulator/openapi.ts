/**
 * `wx.openApi` as wx-server-sdk 4.0.2 sends it: a multipart form whose `requestData` part is a
 * protobuf `CommApiData { apiType=1, openapiData=2 { pairs=1 { key=1, value=2 } }, appid=6 }`,
 * each pair's value the JSON of one snake_case parameter. The answer is a protobuf
 * `CommOpenApiResp { respData=1, contentType=2, errorCode=3, httpCode=4 }`.
 * Only the few protobuf rules these messages need are implemented.
 */
import { invalid } from './errors'

// ---- multipart/form-data -------------------------------------------------------------------

export function parseMultipart(body: Buffer, contentType: string): Record<string, Buffer> {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  if (!m) throw invalid('multipart body without boundary')
  const delimiter = Buffer.from(`--${m[1] ?? m[2]}`)
  const fields: Record<string, Buffer> = {}
  let pos = body.indexOf(delimiter)
  while (pos !== -1) {
    const start = pos + delimiter.length
    if (body.subarray(start, start + 2).toString() === '--') break
    const next = body.indexOf(delimiter, start)
    if (next === -1) break
    const part = body.subarray(start + 2, next - 2) // skip the CRLF after the delimiter and before the next
    const split = part.indexOf('\r\n\r\n')
    if (split !== -1) {
      const name = /name="([^"]*)"/i.exec(part.subarray(0, split).toString('utf8'))?.[1]
      if (name !== undefined) fields[name] = part.subarray(split + 4)
    }
    pos = next
  }
  return fields
}

// ---- protobuf ------------------------------------------------------------------------------

class Reader {
  pos = 0
  constructor(readonly buf: Buffer) {}
  get done() {
    return this.pos >= this.buf.length
  }
  varint(): number {
    let result = 0
    let shift = 0
    for (;;) {
      if (this.pos >= this.buf.length) throw invalid('truncated protobuf')
      const b = this.buf[this.pos++]
      if (shift < 32) result += (b & 0x7f) * 2 ** shift
      if ((b & 0x80) === 0) return result
      shift += 7
    }
  }
  bytes(): Buffer {
    const len = this.varint()
    const out = this.buf.subarray(this.pos, this.pos + len)
    this.pos += len
    return out
  }
  skip(wireType: number) {
    if (wireType === 0) this.varint()
    else if (wireType === 2) this.bytes()
    else if (wireType === 1) this.pos += 8
    else if (wireType === 5) this.pos += 4
    else throw invalid(`unsupported protobuf wire type ${wireType}`)
  }
}

/** Fields of one message: field number → list of raw values (numbers for varints, Buffers otherwise). */
function fields(buf: Buffer): Map<number, (number | Buffer)[]> {
  const r = new Reader(buf)
  const out = new Map<number, (number | Buffer)[]>()
  while (!r.done) {
    const tag = r.varint()
    const field = Math.floor(tag / 8)
    const wire = tag & 7
    const value = wire === 0 ? r.varint() : wire === 2 ? r.bytes() : (r.skip(wire), undefined)
    if (value !== undefined) out.set(field, [...(out.get(field) ?? []), value])
  }
  return out
}

export interface OpenApiCall {
  apiType: number
  appid?: string
  /** Parameter name (snake_case) → its JSON value. */
  params: Record<string, unknown>
}

export function decodeCommApiData(buf: Buffer): OpenApiCall {
  const top = fields(buf)
  const params: Record<string, unknown> = {}
  const openapi = top.get(2)?.[0]
  if (Buffer.isBuffer(openapi)) {
    for (const pair of fields(openapi).get(1) ?? []) {
      if (!Buffer.isBuffer(pair)) continue
      const kv = fields(pair)
      const key = (kv.get(1)?.[0] as Buffer | undefined)?.toString('utf8') ?? ''
      const raw = (kv.get(2)?.[0] as Buffer | undefined) ?? Buffer.alloc(0)
      try {
        params[key] = JSON.parse(raw.toString('utf8'))
      } catch {
        params[key] = raw // media parameters arrive as raw bytes
      }
    }
  }
  const appid = top.get(6)?.[0]
  return {
    apiType: Number(top.get(1)?.[0] ?? 0),
    appid: Buffer.isBuffer(appid) ? appid.toString('utf8') : undefined,
    params,
  }
}

function varint(n: number): Buffer {
  // Negative int32 values are written as 10-byte two's complement varints.
  let v = n < 0 ? BigInt.asUintN(64, BigInt(n)) : BigInt(n)
  const out: number[] = []
  do {
    let b = Number(v & 0x7fn)
    v >>= 7n
    if (v > 0n) b |= 0x80
    out.push(b)
  } while (v > 0n)
  return Buffer.from(out)
}

const lengthDelimited = (field: number, value: Buffer) =>
  Buffer.concat([varint(field * 8 + 2), varint(value.length), value])

export function encodeCommOpenApiResp(r: {
  respData?: Buffer
  contentType?: string
  errorCode?: number
  httpCode?: number
}): Buffer {
  const parts: Buffer[] = []
  if (r.respData) parts.push(lengthDelimited(1, r.respData))
  if (r.contentType) parts.push(lengthDelimited(2, Buffer.from(r.contentType)))
  if (r.errorCode) parts.push(varint(3 * 8), varint(r.errorCode))
  if (r.httpCode) parts.push(varint(4 * 8), varint(r.httpCode))
  return Buffer.concat(parts)
}
