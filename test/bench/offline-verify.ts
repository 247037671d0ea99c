/**
 * Offline check-ins per second: the organizer's phone code (src/packages/organizer/checkin), run in
 * Node on this machine — each scan verifies the Ed25519 signature under the activity's key, checks
 * the activity and looks the ticket up in the pack. Also times `ed25519.verify` alone (a fresh key
 * decode per call) for comparison. `npm run bench` includes it; `npm run bench:verify` runs only this.
 */
import '../support/text-encoder'
import { ed25519 } from '@noble/curves/ed25519'
import { hexToBytes } from '@noble/hashes/utils'
import { checkOffline, indexPack } from '../../src/packages/organizer/checkin/offline-check'
import { parseToken } from '../../types/ticket-token'
import { pack, signer } from '../support/checkin-fixtures'

export interface VerifyBench {
  tickets: number
  /** Offline checks per second with the pack's keyed verifier (the app's code). */
  perSecond: number
  /** Plain `ed25519.verify` per second, for comparison. */
  plainPerSecond: number
}

function rate(n: number, run: () => void): number {
  const t = performance.now()
  run()
  return n / ((performance.now() - t) / 1000)
}

export function benchOfflineVerify(n = 2000): VerifyBench {
  const s = signer(11)
  const issued = Array.from({ length: n }, () => s.token('act-bench'))
  const index = indexPack(
    pack(
      s,
      issued.map((t, i) => ({ tid: t.tid, ticketId: `tk-${i}`, nameMasked: '刘*', checkedInAt: null })),
      { activity: { id: 'act-bench', title: '', startAt: '', endAt: '', address: '' } },
    ),
  )
  // Warm up the JIT on a separate slice, as a phone does after the first few scans.
  for (const t of issued.slice(0, 100)) checkOffline(index, {}, t.token, 'in')
  let admitted = 0
  const perSecond = rate(n, () => {
    for (const t of issued) if (checkOffline(index, {}, t.token, 'in').result === 'done') admitted++
  })
  if (admitted !== n) throw new Error(`only ${admitted} of ${n} genuine tickets verified`)
  const key = hexToBytes(s.publicKey)
  const parsed = issued.slice(0, Math.min(n, 500)).map((t) => parseToken(t.token)!)
  const plainPerSecond = rate(parsed.length, () => {
    for (const p of parsed) ed25519.verify(p.signature, p.signed, key)
  })
  return { tickets: n, perSecond, plainPerSecond }
}

export function verifyLines(b: VerifyBench): string[] {
  return [
    `offline check-ins verified: ${b.perSecond.toFixed(0)}/s over ${b.tickets} tickets (signature, activity and pack lookup; the app's code in Node, goal ≥ 500/s)`,
    `plain ed25519.verify with the key decoded per call: ${b.plainPerSecond.toFixed(0)}/s`,
  ]
}

if (process.argv[1]?.endsWith('offline-verify.ts')) {
  for (const l of verifyLines(benchOfflineVerify())) console.log(`[bench] ${l}`)
}
