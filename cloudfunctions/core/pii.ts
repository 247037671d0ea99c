/**
 * Personal information at rest (PIPL): ID numbers, phones and activation codes are sealed with
 * AES-256-GCM, and ID numbers and codes are looked up by keyed hashes, so nothing is stored in clear.
 *
 * One secret is configured (PII_KEY: 32 random bytes as hex or base64); separate keys for sealing,
 * the ID-number hash and the code hash are derived from it with HKDF, so no key serves two purposes.
 * Each sealed value is bound to its record and field (associated data): copied into another record
 * or field, it no longer opens.
 */
import crypto from 'node:crypto'
import { config } from './config'

/** The development key the local cloud uses; refused unless configuration allows development keys. */
export const DEV_PII_KEY = '6b65707579697961e6b58be8af95e5af86e992a5e4bb85e4be9be69cace59cb0'

/** The configured secret, checked: 32 bytes, not the development key unless allowed, not trivially weak. */
export function piiKey(): Buffer {
  const raw = (process.env.PII_KEY ?? '').trim()
  const k = /^[0-9a-f]{64}$/i.test(raw)
    ? Buffer.from(raw, 'hex')
    : /^[A-Za-z0-9+/]{43}=?$/.test(raw)
      ? Buffer.from(raw, 'base64')
      : Buffer.alloc(0)
  if (k.length !== 32) throw new Error('PII_KEY is not configured (32 random bytes, hex or base64)')
  if (k.equals(Buffer.from(DEV_PII_KEY, 'hex')) && !config.allowDevKeys())
    throw new Error('PII_KEY is the development key; set a key of your own')
  // A key of few distinct bytes (all zeros, one repeated character) is not random.
  if (new Set(k).size < 8) throw new Error('PII_KEY does not look random; generate 32 random bytes')
  return k
}

type Purpose = 'seal' | 'id-hash' | 'code-hash' | 'code-batch' | 'upload-path'
const derived = new Map<string, Buffer>()

/** A key for one purpose, derived from PII_KEY with HKDF-SHA256 (cached per secret while warm). */
export function keyFor(purpose: Purpose): Buffer {
  const master = piiKey()
  const cacheKey = `${purpose}:${master.toString('hex')}`
  let k = derived.get(cacheKey)
  if (!k) {
    k = Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), `kepu-volunteers/${purpose}/v2`, 32))
    derived.set(cacheKey, k)
  }
  return k
}

/** The associated data binding a sealed value to its record and field. */
export const sealedFor = (recordId: string, field: string) => `${recordId}#${field}`

/** v2: the derived sealing key, bound to `ad` (empty when a value has no record yet). */
export function seal(plain: string, ad = ''): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', keyFor('seal'), iv)
  cipher.setAAD(Buffer.from(ad, 'utf8'))
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v2', iv, cipher.getAuthTag(), body]
    .map((x) => (typeof x === 'string' ? x : x.toString('base64url')))
    .join('.')
}

/** Opens a v2 value bound to `ad`, or a v1 value sealed before keys were derived (no binding). */
export function unseal(sealed: string, ad = ''): string {
  const [version, iv, tag, body] = sealed.split('.')
  if ((version !== 'v1' && version !== 'v2') || !iv || !tag || body === undefined)
    throw new Error('unknown sealed format')
  const key = version === 'v1' ? piiKey() : keyFor('seal')
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  if (version === 'v2') decipher.setAAD(Buffer.from(ad, 'utf8'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}

/** Keyed hash of a normalised ID number (upper-case X), under its own derived key. */
export function idNumberHash(idNumber: string): string {
  return crypto.createHmac('sha256', keyFor('id-hash')).update(idNumber.trim().toUpperCase()).digest('hex')
}

/**
 * The hash records written before derived keys carry (HMAC under PII_KEY itself): looked up
 * alongside the current one, so those records are still found until they are re-hashed.
 */
export function legacyIdNumberHash(idNumber: string): string {
  return crypto.createHmac('sha256', piiKey()).update(idNumber.trim().toUpperCase()).digest('hex')
}
