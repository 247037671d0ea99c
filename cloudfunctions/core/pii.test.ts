import crypto from 'node:crypto'
import { codeMatches, hashActivationCode } from './activation'
import { DEV_PII_KEY, idNumberHash, keyFor, legacyIdNumberHash, seal, sealedFor, unseal } from './pii'

const KEY = '3f9c1a7e5b2d8c4f6a0e9b1d3c5a7f2e8b4d6c0a9e1f3b5d7c2a4e6f8b0d1c3a'

/** How values were sealed before keys were derived (v1: AES-GCM under PII_KEY itself, no binding). */
function sealV1(plain: string, key: string): string {
  const iv = crypto.randomBytes(12)
  const c = crypto.createCipheriv('aes-256-gcm', Buffer.from(key, 'hex'), iv)
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final()])
  return ['v1', iv, c.getAuthTag(), body].map((x) => (typeof x === 'string' ? x : x.toString('base64url'))).join('.')
}

describe('pii', () => {
  beforeEach(() => {
    process.env.PII_KEY = KEY
    delete process.env.ALLOW_DEV_KEYS
  })

  it('round-trips a sealed value and never stores it in clear', () => {
    const sealed = seal('13812345678', sealedFor('vol-1', 'mobile'))
    expect(sealed).not.toContain('13812345678')
    expect(unseal(sealed, sealedFor('vol-1', 'mobile'))).toBe('13812345678')
  })

  it('binds a sealed value to its record and field', () => {
    const sealed = seal('430902198503120313', sealedFor('vol-1', 'idNumber'))
    expect(() => unseal(sealed, sealedFor('vol-2', 'idNumber'))).toThrow()
    expect(() => unseal(sealed, sealedFor('vol-1', 'mobile'))).toThrow()
    expect(() => unseal(sealed)).toThrow()
  })

  it('still opens values sealed before keys were derived (migration)', () => {
    expect(unseal(sealV1('13812345678', KEY), sealedFor('vol-1', 'mobile'))).toBe('13812345678')
  })

  it('accepts an activation code hashed before keys were derived', () => {
    const legacy = crypto.createHmac('sha256', Buffer.from(KEY, 'hex')).update('vol-1:246810').digest('hex')
    expect(codeMatches('vol-1', '246810', legacy)).toBe(true)
    expect(codeMatches('vol-1', '246811', legacy)).toBe(false)
    expect(codeMatches('vol-1', '246810', hashActivationCode('vol-1', '246810'))).toBe(true)
  })

  it('derives a separate key for each purpose, none of them the configured secret', () => {
    const keys = [keyFor('seal'), keyFor('id-hash'), keyFor('code-hash'), Buffer.from(KEY, 'hex')].map((k) =>
      k.toString('hex'),
    )
    expect(new Set(keys).size).toBe(4)
    expect(idNumberHash('430902198503120313')).not.toBe(legacyIdNumberHash('430902198503120313'))
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

  it.each([
    ['31 bytes', 'ab'.repeat(31)],
    ['33 bytes', 'ab'.repeat(33)],
    ['a passphrase', 'correct horse battery staple'],
    ['one repeated byte', 'a'.repeat(64)],
    ['all zeros', '0'.repeat(64)],
  ])('refuses a key that is not 32 random bytes: %s', (_, key) => {
    process.env.PII_KEY = key
    expect(() => seal('x')).toThrow(/PII_KEY/)
  })

  it('accepts 32 bytes in base64', () => {
    process.env.PII_KEY = Buffer.from(KEY, 'hex').toString('base64')
    expect(unseal(seal('x'))).toBe('x')
  })

  it('refuses the development key unless configuration allows development keys', () => {
    process.env.PII_KEY = DEV_PII_KEY
    expect(() => seal('x')).toThrow(/development/)
    process.env.ALLOW_DEV_KEYS = '1'
    expect(unseal(seal('x'))).toBe('x')
  })
})
