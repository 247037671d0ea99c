/**
 * The check-in token a ticket's QR code carries, shared by the function that signs it and the
 * organizer's phone that verifies it offline. Layout (79 bytes before encoding):
 *   version (1) · ticket id (8 random bytes) · activity reference (6) · Ed25519 signature (64)
 * The signature covers a domain tag, version, ticket id and activity reference. The text is
 * "KP" + base32 without padding: upper-case letters and digits only, so the QR code uses its
 * compact alphanumeric mode (129 characters: version 6 at error correction M, easy in poor light).
 */
import { ed25519 } from '@noble/curves/ed25519'
import { sha256 } from '@noble/hashes/sha2'
import { hexToBytes } from '@noble/hashes/utils'
import { base32nopad } from '@scure/base'

export const TOKEN_PREFIX = 'KP'
const VERSION = 1
const TID_BYTES = 8
const ACT_BYTES = 6
const SIG_BYTES = 64
const BODY_BYTES = 1 + TID_BYTES + ACT_BYTES
const DOMAIN = new TextEncoder().encode('kepu-yiyang-ticket')

export interface TicketClaims {
  /** The ticket's id in the token: 8 random bytes, base32 (13 characters). */
  tid: string
  /** First 6 bytes of SHA-256 of the activity's id, base32 (10 characters). */
  act: string
}

export interface ParsedToken {
  claims: TicketClaims
  /** The bytes the signature covers. */
  signed: Uint8Array
  signature: Uint8Array
}

/** The short reference to an activity that a token carries. */
export function activityRef(activityId: string): string {
  return base32nopad.encode(sha256(new TextEncoder().encode(activityId)).slice(0, ACT_BYTES))
}

/** A fresh ticket id from `random` (8 bytes). */
export function ticketId(random: Uint8Array): string {
  if (random.length !== TID_BYTES) throw new Error(`a ticket id takes ${TID_BYTES} random bytes`)
  return base32nopad.encode(random)
}

function body(claims: TicketClaims): Uint8Array {
  const tid = base32nopad.decode(claims.tid)
  const act = base32nopad.decode(claims.act)
  if (tid.length !== TID_BYTES || act.length !== ACT_BYTES) throw new Error('malformed ticket claims')
  return new Uint8Array([VERSION, ...tid, ...act])
}

/** What the signer signs: the domain tag, so no other Ed25519 use of the key can make a ticket. */
export function signedBytes(claims: TicketClaims): Uint8Array {
  return new Uint8Array([...DOMAIN, ...body(claims)])
}

export function encodeToken(claims: TicketClaims, signature: Uint8Array): string {
  if (signature.length !== SIG_BYTES) throw new Error('an Ed25519 signature is 64 bytes')
  return TOKEN_PREFIX + base32nopad.encode(new Uint8Array([...body(claims), ...signature]))
}

/** Reads a scanned text; null for anything that is not a well-formed token of this version. */
export function parseToken(text: string): ParsedToken | null {
  const t = text.trim()
  if (!t.startsWith(TOKEN_PREFIX) || t.length > 200) return null
  let bytes: Uint8Array
  try {
    bytes = base32nopad.decode(t.slice(TOKEN_PREFIX.length))
  } catch {
    return null
  }
  if (bytes.length !== BODY_BYTES + SIG_BYTES || bytes[0] !== VERSION) return null
  const claims = {
    tid: base32nopad.encode(bytes.slice(1, 1 + TID_BYTES)),
    act: base32nopad.encode(bytes.slice(1 + TID_BYTES, BODY_BYTES)),
  }
  return { claims, signed: signedBytes(claims), signature: bytes.slice(BODY_BYTES) }
}

export type Verdict = { ok: true; tid: string } | { ok: false; reason: 'malformed' | 'forged' | 'other_activity' }

/**
 * Checks a scanned text against the activity's public key: the same code on the organizer's phone
 * (offline) and in the check-in function (online). Only the organizer subpackage and the functions
 * import it, so the Ed25519 code stays out of the main package.
 */
export function verifyToken(text: string, publicKeyHex: string, activityId: string): Verdict {
  const parsed = parseToken(text)
  if (!parsed) return { ok: false, reason: 'malformed' }
  let valid = false
  try {
    valid = ed25519.verify(parsed.signature, parsed.signed, hexToBytes(publicKeyHex))
  } catch {
    valid = false
  }
  if (!valid) return { ok: false, reason: 'forged' }
  if (parsed.claims.act !== activityRef(activityId)) return { ok: false, reason: 'other_activity' }
  return { ok: true, tid: parsed.claims.tid }
}
