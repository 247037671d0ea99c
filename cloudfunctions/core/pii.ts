/**
 * Personal information at rest (PIPL): ID numbers and phones are sealed with AES-256-GCM under a
 * key from the function's configuration (PII_KEY, 32 bytes as hex or base64), and looked up by an
 * HMAC so a duplicate registration is found without the number in clear.
 */
import crypto from 'node:crypto'

export function piiKey(): Buffer {
  const raw = process.env.PII_KEY ?? ''
  const k = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64')
  if (k.length !== 32) throw new Error('PII_KEY is not configured (32 bytes, hex or base64)')
  return k
}

export function seal(plain: string): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', piiKey(), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(
    '.',
  )
}

export function unseal(sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown sealed format')
  const decipher = crypto.createDecipheriv('aes-256-gcm', piiKey(), Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}

/** Keyed hash of a normalised ID number (upper-case X). */
export function idNumberHash(idNumber: string): string {
  return crypto.createHmac('sha256', piiKey()).update(idNumber.trim().toUpperCase()).digest('hex')
}
