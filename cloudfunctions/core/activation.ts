import crypto from 'node:crypto'
import { keyFor, piiKey } from './pii'

/** A 6-digit code from a cryptographic source; only its keyed hash is stored. */
export function newActivationCode(): string {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, '0')
}

/** Bound to the volunteer, so a stored hash is useless for anyone else; under its own derived key. */
export function hashActivationCode(volunteerId: string, code: string): string {
  return crypto.createHmac('sha256', keyFor('code-hash')).update(`${volunteerId}:${code}`).digest('hex')
}

/**
 * Codes issued together (a batch approval, a roster imported again) share one stored value, so one
 * conditional update issues them all: `n:` and a random nonce, from which each record's code is
 * derived under its own key. Like a keyed hash, it tells nothing without the key.
 */
const BATCH = 'n:'

/** A new stored value for a batch of codes (kept where a single code keeps its hash). */
export const newCodeBatch = () => `${BATCH}${crypto.randomBytes(16).toString('hex')}`

export const isCodeBatch = (codeHash: string) => codeHash.startsWith(BATCH)

/** The 6-digit code of record `volunteerId` in the batch `batch`. */
export function batchCode(volunteerId: string, batch: string): string {
  const mac = crypto.createHmac('sha256', keyFor('code-batch')).update(`${batch}:${volunteerId}`).digest()
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0')
}

/**
 * Whether `code` is the one `codeHash` stands for: a batch's derived code, or a single code's hash
 * under the current key or PII_KEY itself (codes issued before keys were derived).
 */
export function codeMatches(volunteerId: string, code: string, codeHash: string): boolean {
  if (isCodeBatch(codeHash)) {
    const a = Buffer.from(batchCode(volunteerId, codeHash))
    const b = Buffer.from(code)
    return a.length === b.length && crypto.timingSafeEqual(a, b)
  }
  const legacy = crypto.createHmac('sha256', piiKey()).update(`${volunteerId}:${code}`).digest('hex')
  return sameHash(hashActivationCode(volunteerId, code), codeHash) || sameHash(legacy, codeHash)
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === y.length && crypto.timingSafeEqual(x, y)
}
