/**
 * Signs check-in tickets with Ed25519 (RFC 8032) so an organizer's phone can verify them with no
 * network. The private key lives only in function configuration (TICKET_SIGNING_KEY); the public
 * key travels with the activity to its organizers.
 */
import { ed25519 } from '@noble/curves/ed25519'
import { bytesToHex } from '@noble/hashes/utils'
import crypto from 'node:crypto'
import { activityRef, encodeToken, signedBytes, ticketId } from '../../types/ticket-token'
import { config } from './config'

/** The development key, published in this repository: it signs nothing outside the local cloud. */
export const DEV_TICKET_SIGNING_KEY = '6b6570752d796979616e67207469636b6574206b65793a20646576206f6e6c79'

function seed(): Uint8Array {
  const raw = config.ticketSigningKey()
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64')
  if (key.length !== 32) throw new Error('TICKET_SIGNING_KEY is not configured (32 bytes, hex or base64)')
  if (key.equals(Buffer.from(DEV_TICKET_SIGNING_KEY, 'hex')) && !config.allowDevKeys())
    throw new Error('TICKET_SIGNING_KEY is the published development key; set a key of your own')
  return new Uint8Array(key)
}

/** Hex of the public key that verifies every ticket this configuration signs. */
export function ticketPublicKey(): string {
  return bytesToHex(ed25519.getPublicKey(seed()))
}

/** A new random ticket id for the token (kept on the ticket record, unique). */
export function newTicketId(): string {
  return ticketId(new Uint8Array(crypto.randomBytes(8)))
}

export function signTicket(tid: string, activityId: string): string {
  const claims = { tid, act: activityRef(activityId) }
  return encodeToken(claims, ed25519.sign(signedBytes(claims), seed()))
}
