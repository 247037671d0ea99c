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

/** Whether `code` is the one `codeHash` was made from: current key, or PII_KEY itself for codes issued before. */
export function codeMatches(volunteerId: string, code: string, codeHash: string): boolean {
  const legacy = crypto.createHmac('sha256', piiKey()).update(`${volunteerId}:${code}`).digest('hex')
  return sameHash(hashActivationCode(volunteerId, code), codeHash) || sameHash(legacy, codeHash)
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === y.length && crypto.timingSafeEqual(x, y)
}
