import QRCode from 'qrcode'
import { ed25519 } from '@noble/curves/ed25519'
import { bytesToHex } from '@noble/hashes/utils'
import { verifyTicketToken } from '../../src/packages/organizer/ticket-verify'
import { parseToken, TOKEN_PREFIX } from '../../types/ticket-token'
import { DEV_TICKET_SIGNING_KEY, newTicketId, signTicket, ticketPublicKey } from './ticket-signer'

const KEY = 'a1'.repeat(32)
const env = { ...process.env }
beforeEach(() => {
  process.env.TICKET_SIGNING_KEY = KEY
  delete process.env.ALLOW_DEV_KEYS
})
afterAll(() => {
  process.env = env
})

const ACTIVITY = 'act-0123456789abcdef0123456789abcdef'

test('a signed token verifies with the public key and names its ticket', () => {
  const tid = newTicketId()
  const token = signTicket(tid, ACTIVITY)
  expect(verifyTicketToken(token, ticketPublicKey(), ACTIVITY)).toEqual({ ok: true, tid })
})

test('the token is short: alphanumeric QR version 6 or lower at error correction M', () => {
  const token = signTicket(newTicketId(), ACTIVITY)
  expect(token).toMatch(/^[A-Z0-9]+$/)
  expect(token.length).toBe(TOKEN_PREFIX.length + 127)
  const qr = QRCode.create(token, { errorCorrectionLevel: 'M' })
  expect(qr.version).toBeLessThanOrEqual(6)
})

test('a tampered token fails: every single character changed', () => {
  const token = signTicket(newTicketId(), ACTIVITY)
  const pub = ticketPublicKey()
  for (let i = TOKEN_PREFIX.length; i < token.length; i++) {
    const other = token[i] === 'A' ? 'B' : 'A'
    const tampered = token.slice(0, i) + other + token.slice(i + 1)
    expect(verifyTicketToken(tampered, pub, ACTIVITY).ok).toBe(false)
  }
})

test('a truncated or extended token is malformed', () => {
  const token = signTicket(newTicketId(), ACTIVITY)
  const pub = ticketPublicKey()
  expect(verifyTicketToken(token.slice(0, -1), pub, ACTIVITY)).toEqual({ ok: false, reason: 'malformed' })
  expect(verifyTicketToken(token.slice(0, 40), pub, ACTIVITY)).toEqual({ ok: false, reason: 'malformed' })
  expect(verifyTicketToken(token + 'AA', pub, ACTIVITY)).toEqual({ ok: false, reason: 'malformed' })
  expect(verifyTicketToken('https://example.com/', pub, ACTIVITY)).toEqual({ ok: false, reason: 'malformed' })
  expect(parseToken('')).toBeNull()
})

test('a token signed with another key is forged', () => {
  const token = signTicket(newTicketId(), ACTIVITY)
  const otherKey = bytesToHex(ed25519.getPublicKey(new Uint8Array(32).fill(7)))
  expect(verifyTicketToken(token, otherKey, ACTIVITY)).toEqual({ ok: false, reason: 'forged' })
})

test('a token of another activity is told apart', () => {
  const token = signTicket(newTicketId(), ACTIVITY)
  expect(verifyTicketToken(token, ticketPublicKey(), 'act-other')).toEqual({ ok: false, reason: 'other_activity' })
})

test('the published development key is refused unless configuration allows dev keys', () => {
  process.env.TICKET_SIGNING_KEY = DEV_TICKET_SIGNING_KEY
  expect(() => signTicket(newTicketId(), ACTIVITY)).toThrow(/development key/)
  process.env.ALLOW_DEV_KEYS = '1'
  expect(verifyTicketToken(signTicket('AAAAAAAAAAAAA', ACTIVITY), ticketPublicKey(), ACTIVITY).ok).toBe(true)
})

test('a missing or short key is refused', () => {
  delete process.env.TICKET_SIGNING_KEY
  expect(() => ticketPublicKey()).toThrow(/not configured/)
  process.env.TICKET_SIGNING_KEY = 'ab'.repeat(16)
  expect(() => ticketPublicKey()).toThrow(/not configured/)
})
