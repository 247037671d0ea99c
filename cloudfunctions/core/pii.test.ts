import { idNumberHash, seal, unseal } from './pii'

const KEY = 'a'.repeat(64)

describe('pii', () => {
  beforeEach(() => {
    process.env.PII_KEY = KEY
  })

  it('round-trips a sealed value and never stores it in clear', () => {
    const sealed = seal('13812345678')
    expect(sealed).not.toContain('13812345678')
    expect(unseal(sealed)).toBe('13812345678')
  })

  it('seals the same value differently each time', () => {
    expect(seal('x')).not.toBe(seal('x'))
  })

  it('refuses a tampered ciphertext', () => {
    const [v, iv, tag, body] = seal('13812345678').split('.')
    const flipped = Buffer.from(body, 'base64url')
    flipped[0] ^= 1
    expect(() => unseal([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow()
  })

  it('hashes an ID number case-insensitively in its check character', () => {
    expect(idNumberHash('11010519491231002x')).toBe(idNumberHash('11010519491231002X'))
  })

  it('refuses to work without a configured key', () => {
    delete process.env.PII_KEY
    expect(() => seal('x')).toThrow(/PII_KEY/)
  })
})
