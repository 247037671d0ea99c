/**
 * Offline verification of a scanned check-in token on the organizer's phone: the signature under
 * the activity's public key, and that the token names this activity — the rule of `verifyToken` in
 * types/ticket-token.ts, which the check-in function runs online, with the key decoded once per
 * activity (tests hold the two to the same answers). Lives in the organizer subpackage so the
 * main package never carries the Ed25519 code.
 */
import './text-encoder'
import { ed25519 } from '@noble/curves/ed25519'
import { sha512 } from '@noble/hashes/sha2'
import { concatBytes, hexToBytes } from '@noble/hashes/utils'
import { activityRef, parseToken, type Verdict } from '../../../types/ticket-token'

export type { Verdict }

const Point = ed25519.Point
const ORDER = Point.Fn.ORDER

function littleEndian(bytes: Uint8Array): bigint {
  let x = BigInt(0)
  for (let i = bytes.length - 1; i >= 0; i--) x = (x << BigInt(8)) | BigInt(bytes[i])
  return x
}

/**
 * Ed25519 verification (RFC 8032 5.1.7 with the ZIP-215 rules, exactly `ed25519.verify`'s defaults)
 * against one public key decoded once, with a precomputed table for it. `ed25519.verify` decodes the
 * key and multiplies it without a table on every call; at a venue the same key checks every ticket,
 * and the table makes each check about five times faster on a phone. Null for a key that is not a point.
 */
export function signatureVerifier(
  publicKeyHex: string,
): ((signature: Uint8Array, message: Uint8Array) => boolean) | null {
  let A: InstanceType<typeof Point>
  let encodedA: Uint8Array
  try {
    A = Point.fromBytes(hexToBytes(publicKeyHex), true).precompute(8, false)
    encodedA = A.toBytes()
  } catch {
    return null
  }
  return (signature, message) => {
    if (signature.length !== 64) return false
    try {
      const s = littleEndian(signature.subarray(32))
      if (s >= ORDER) return false
      const R = Point.fromBytes(signature.subarray(0, 32), true)
      const SB = Point.BASE.multiplyUnsafe(s)
      const k = littleEndian(sha512(concatBytes(R.toBytes(), encodedA, message))) % ORDER
      // [8][S]B = [8]R + [8][k]A
      return R.add(A.multiplyUnsafe(k)).subtract(SB).clearCofactor().is0()
    } catch {
      return false
    }
  }
}

/** A verifier of tokens for one activity; build it once per activity pack, call it per scan. */
export function ticketVerifier(publicKeyHex: string, activityId: string): (text: string) => Verdict {
  const verify = signatureVerifier(publicKeyHex)
  const ref = activityRef(activityId)
  return (text) => {
    const parsed = parseToken(text)
    if (!parsed) return { ok: false, reason: 'malformed' }
    if (!verify || !verify(parsed.signature, parsed.signed)) return { ok: false, reason: 'forged' }
    if (parsed.claims.act !== ref) return { ok: false, reason: 'other_activity' }
    return { ok: true, tid: parsed.claims.tid }
  }
}

let last: { key: string; verify: (text: string) => Verdict } | undefined

export function verifyTicketToken(text: string, publicKeyHex: string, activityId: string): Verdict {
  const key = `${publicKeyHex}:${activityId}`
  if (last?.key !== key) last = { key, verify: ticketVerifier(publicKeyHex, activityId) }
  return last.verify(text)
}
