/**
 * The Ed25519 and ticket-token code calls `new TextEncoder()` when it loads, and a mini program's
 * JavaScript engine has no TextEncoder (it is a browser API, absent from WeChat's JavaScriptCore and
 * V8 alike). Imported first by ticket-verify.ts so it runs before them; UTF-8 encoding is all they use.
 */
class Utf8Encoder {
  readonly encoding = 'utf-8'

  encode(input = ''): Uint8Array {
    const out: number[] = []
    for (let i = 0; i < input.length; i++) {
      let c = input.charCodeAt(i)
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < input.length) {
        const d = input.charCodeAt(i + 1)
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
          i++
        }
      }
      if (c < 0x80) out.push(c)
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    }
    return new Uint8Array(out)
  }
}

const root = globalThis as unknown as { TextEncoder?: unknown }
if (typeof root.TextEncoder === 'undefined') root.TextEncoder = Utf8Encoder

export { Utf8Encoder }
