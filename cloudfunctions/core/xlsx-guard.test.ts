import { checkXlsx, MAX_EXPANDED_BYTES } from './xlsx-guard'

/** A zip with one stored entry whose central directory claims `size` uncompressed bytes. */
function zipClaiming(size: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml')
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt32LE(size, 24)
  central.writeUInt16LE(name.length, 28)
  const eocd = Buffer.alloc(22)
  eocd.writeUInt32LE(0x06054b50, 0)
  eocd.writeUInt16LE(1, 8)
  eocd.writeUInt16LE(1, 10)
  eocd.writeUInt32LE(46 + name.length, 12)
  eocd.writeUInt32LE(30 + name.length, 16)
  return Buffer.concat([local, name, central, name, eocd])
}

describe('checkXlsx', () => {
  it('lets a roster-sized file through', () => {
    expect(checkXlsx(zipClaiming(2_000_000))).toBeNull()
  })
  it('refuses a file that would expand past the limit (100 000 rows, or one huge cell)', () => {
    expect(checkXlsx(zipClaiming(MAX_EXPANDED_BYTES + 1))).toBe('expands_too_much')
    expect(checkXlsx(zipClaiming(0xffffffff))).toBe('expands_too_much')
  })
  it('refuses more than 2 MB, and what is not a zip', () => {
    expect(checkXlsx(Buffer.alloc(2 * 1024 * 1024 + 1))).toBe('too_large')
    expect(checkXlsx(Buffer.from('姓名,性别'))).toBe('not_a_zip')
  })
})
