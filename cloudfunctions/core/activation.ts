import crypto from 'node:crypto'
import { piiKey } from './pii'

/** A 6-digit code from a cryptographic source; only its keyed hash is stored. */
export function newActivationCode(): string {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, '0')
}

/** Bound to the volunteer, so a stored hash is useless for anyone else. */
export function hashActivationCode(volunteerId: string, code: string): string {
  return crypto.createHmac('sha256', piiKey()).update(`${volunteerId}:${code}`).digest('hex')
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === y.length && crypto.timingSafeEqual(x, y)
}
