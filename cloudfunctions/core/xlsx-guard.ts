/**
 * Checks an uploaded .xlsx before anything parses it. An .xlsx is a zip: a small file can expand
 * to hundreds of megabytes (one huge cell, or 100 000 rows), and the spreadsheet library reads it
 * whole. The zip's central directory states every entry's uncompressed size, so it is read first.
 */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024
/** Far above a 2000-row roster (about 2 MB of sheet XML and strings), far below what hurts. */
export const MAX_EXPANDED_BYTES = 24 * 1024 * 1024

export type XlsxProblem = 'too_large' | 'expands_too_much' | 'not_a_zip'

export function checkXlsx(buffer: Buffer): XlsxProblem | null {
  if (buffer.length > MAX_UPLOAD_BYTES) return 'too_large'
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return 'not_a_zip'
  const entries = buffer.readUInt16LE(eocd + 10)
  let at = buffer.readUInt32LE(eocd + 16)
  let total = 0
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) return 'not_a_zip'
    const size = buffer.readUInt32LE(at + 24)
    // 0xffffffff announces a zip64 size: no roster needs one.
    if (size === 0xffffffff) return 'expands_too_much'
    total += size
    if (total > MAX_EXPANDED_BYTES) return 'expands_too_much'
    at += 46 + buffer.readUInt16LE(at + 28) + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32)
  }
  return null
}
