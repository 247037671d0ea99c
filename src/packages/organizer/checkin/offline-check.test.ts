/** @jest-environment node */
import { ed25519 } from '@noble/curves/ed25519'
import { hexToBytes } from '@noble/hashes/utils'
import { pack, signer } from '../../../../test/support/checkin-fixtures'
import { parseToken } from '../../../../types/ticket-token'
import { signatureVerifier, verifyTicketToken } from '../ticket-verify'
import { admit, checkOffline, indexPack } from './offline-check'

const s = signer()
const alice = s.token('act-1')
const bob = s.token('act-1')
const cancelled = s.token('act-1')
const index = indexPack(
  pack(
    s,
    [
      { tid: alice.tid, ticketId: 'tk-a', nameMasked: '刘*', checkedInAt: null },
      { tid: bob.tid, ticketId: 'tk-b', nameMasked: '王**', checkedInAt: '2030-09-20T01:20:00.000Z' },
    ],
    { revoked: [cancelled.tid] },
  ),
)

/** The token with one character of its base32 body changed. */
function tamper(token: string, at: number): string {
  const c = token[at] === 'A' ? 'B' : 'A'
  return token.slice(0, at) + c + token.slice(at + 1)
}

test('admits a genuine ticket of this activity, named as in the pack', () => {
  expect(checkOffline(index, {}, alice.token, 'in')).toEqual({
    result: 'done',
    tid: alice.tid,
    ticketId: 'tk-a',
    nameMasked: '刘*',
  })
})

test('refuses a token whose ticket id or signature was changed', () => {
  for (const at of [5, 20, 60, 120]) {
    expect(checkOffline(index, {}, tamper(alice.token, at), 'in')).toMatchObject({
      result: 'refused',
      code: 'TICKET_INVALID',
      message: '无效二维码',
    })
  }
})

test('refuses a token signed by another key', () => {
  const other = signer(9).token('act-1', alice.tid)
  expect(checkOffline(index, {}, other.token, 'in')).toMatchObject({ result: 'refused', code: 'TICKET_INVALID' })
})

test('refuses a genuine ticket of another activity', () => {
  expect(checkOffline(index, {}, s.token('act-2').token, 'in')).toMatchObject({
    result: 'refused',
    code: 'TICKET_OTHER_ACTIVITY',
    message: '不是本活动的票',
  })
})

test('refuses a ticket cancelled after the pack was taken (revocation list)', () => {
  expect(checkOffline(index, {}, cancelled.token, 'in')).toMatchObject({
    result: 'refused',
    code: 'TICKET_CANCELLED',
    message: '票已取消',
  })
})

test('refuses a genuine token whose ticket the pack does not know', () => {
  expect(checkOffline(index, {}, s.token('act-1').token, 'in')).toMatchObject({
    result: 'refused',
    code: 'TICKET_INVALID',
  })
})

test('refuses text that is not a ticket at all', () => {
  expect(checkOffline(index, {}, 'https://example.com', 'in')).toMatchObject({ code: 'TICKET_INVALID' })
  expect(checkOffline(index, {}, '', 'in')).toMatchObject({ code: 'TICKET_INVALID' })
})

test('a second scan on this phone is 已签到 with the first time; one checked in before the pack too', () => {
  const admitted = admit({}, alice.tid, 'in', '2030-09-20T01:31:00.000Z')
  expect(checkOffline(index, admitted, alice.token, 'in')).toMatchObject({
    result: 'already',
    at: '2030-09-20T01:31:00.000Z',
    here: true,
  })
  expect(checkOffline(index, {}, bob.token, 'in')).toMatchObject({ result: 'already', here: false })
  // A later admit keeps the first time.
  expect(admit(admitted, alice.tid, 'in', '2030-09-20T02:00:00.000Z')[alice.tid].in).toBe('2030-09-20T01:31:00.000Z')
})

test('a ticket id typed by hand finds the ticket without a signature', () => {
  expect(checkOffline(index, {}, 'tk-a', 'in')).toMatchObject({ result: 'done', tid: alice.tid })
})

test('check-out needs a check-in, here or before the pack', () => {
  expect(checkOffline(index, {}, alice.token, 'out')).toMatchObject({ result: 'refused', code: 'NOT_CHECKED_IN' })
  expect(checkOffline(index, {}, bob.token, 'out')).toMatchObject({ result: 'done' })
  const admitted = admit(
    admit({}, alice.tid, 'in', '2030-09-20T01:31:00.000Z'),
    alice.tid,
    'out',
    '2030-09-20T04:00:00.000Z',
  )
  expect(checkOffline(index, admitted, alice.token, 'out')).toMatchObject({ result: 'already', here: true })
})

test('the keyed verifier agrees with ed25519.verify on genuine and altered signatures', () => {
  const verify = signatureVerifier(s.publicKey)!
  const pk = hexToBytes(s.publicKey)
  for (let i = 0; i < 20; i++) {
    const p = parseToken(s.token('act-1').token)!
    const sig = p.signature.slice()
    if (i % 2) sig[i] ^= 1 << (i % 8)
    expect(verify(sig, p.signed)).toBe(ed25519.verify(sig, p.signed, pk))
  }
  // s ≥ the group order is refused, as RFC 8032 requires.
  const p = parseToken(alice.token)!
  const big = p.signature.slice()
  big.fill(0xff, 32)
  expect(verify(big, p.signed)).toBe(false)
  expect(signatureVerifier('00')).toBeNull()
  expect(verifyTicketToken(alice.token, s.publicKey, 'act-1')).toEqual({ ok: true, tid: alice.tid })
  expect(verifyTicketToken(alice.token, signer(3).publicKey, 'act-1')).toEqual({ ok: false, reason: 'forged' })
})
