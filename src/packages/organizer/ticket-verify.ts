/**
 * Offline verification of a scanned check-in token on the organizer's phone: the signature under
 * the activity's public key, and that the token names this activity. Lives in the organizer
 * subpackage so the Ed25519 code never weighs down the main package.
 */
import { ed25519 } from '@noble/curves/ed25519'
import { hexToBytes } from '@noble/hashes/utils'
import { activityRef, parseToken } from '../../../types/ticket-token'

export type Verdict = { ok: true; tid: string } | { ok: false; reason: 'malformed' | 'forged' | 'other_activity' }

export function verifyTicketToken(text: string, publicKeyHex: string, activityId: string): Verdict {
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
