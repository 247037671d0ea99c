/** @jest-environment node */
import type { ScanInput, SyncResult } from '../../../../types/api'
import type { Result } from '../../../../types/result'
import { outcome } from '../../../../test/support/checkin-fixtures'
import { OfflineQueue, type KeyValueStore, type QueuedScan } from './offline-queue'

/** Storage as on the phone: values go through JSON; a new queue over it is the app restarted. */
function memoryStore() {
  const m = new Map<string, string>()
  const store: KeyValueStore = {
    get: async (k) => {
      const v = m.get(k)
      if (v === undefined) throw { errMsg: 'getStorage:fail data not found' }
      return JSON.parse(v)
    },
    set: async (k, v) => {
      m.set(k, JSON.stringify(v))
    },
  }
  return { store, m }
}

const scan = (i: number, over: Partial<ScanInput> = {}): ScanInput => ({
  nonce: `nonce-${String(i).padStart(4, '0')}`,
  token: `KP-TOKEN-${i}`,
  mode: 'in',
  at: new Date(Date.UTC(2030, 8, 20, 1, 30, i)).toISOString(),
  ...over,
})
const entry = (i: number, over: Partial<QueuedScan> = {}): QueuedScan => ({
  activityId: 'act-1',
  device: 'iPhone 12 ABC123',
  scan: scan(i),
  ...over,
})

/** A server that answers every scan of a batch (once per nonce: a replay answers `already`). */
function server() {
  const seen = new Set<string>()
  const batches: { activityId: string; device: string; scans: ScanInput[] }[] = []
  const send = jest.fn(async (activityId: string, device: string, scans: ScanInput[]): Promise<Result<SyncResult>> => {
    batches.push({ activityId, device, scans })
    const outcomes = scans.map((s) => {
      const first = !seen.has(s.nonce)
      seen.add(s.nonce)
      return outcome({ nonce: s.nonce, result: first ? 'done' : 'already' })
    })
    return { ok: true, data: { outcomes, conflicts: [] } }
  })
  return { send, batches, seen }
}

test('a queued scan survives a restart with its nonce, scan time and device', async () => {
  const { store } = memoryStore()
  const { send } = server()
  await new OfflineQueue(store, send).add(entry(1))
  const reopened = new OfflineQueue(store, send)
  expect(await reopened.list()).toEqual([entry(1)])
  expect(await reopened.count('act-1')).toBe(1)
  expect(await reopened.count('act-2')).toBe(0)
})

test('adding the same nonce twice keeps one', async () => {
  const { store } = memoryStore()
  const q = new OfflineQueue(store, server().send)
  await q.add(entry(1))
  await q.add(entry(1))
  expect(await q.count()).toBe(1)
})

test('drains in batches of at most 100, one activity and device per batch, oldest first', async () => {
  const { store } = memoryStore()
  const s = server()
  const q = new OfflineQueue(store, s.send)
  for (let i = 0; i < 230; i++) await q.add(entry(i))
  await q.add(entry(900, { activityId: 'act-2' }))
  const report = await q.drain()
  expect(s.batches.map((b) => [b.activityId, b.scans.length])).toEqual([
    ['act-1', 100],
    ['act-1', 100],
    ['act-1', 30],
    ['act-2', 1],
  ])
  expect(s.batches[0].scans[0]).toEqual(scan(0))
  expect(report).toMatchObject({ sent: 231, left: 0, error: null })
  expect(await new OfflineQueue(store, s.send).count()).toBe(0)
})

test('a failed upload keeps every scan, and a later drain sends them', async () => {
  const { store } = memoryStore()
  const s = server()
  const q = new OfflineQueue(store, s.send)
  await q.add(entry(1))
  await q.add(entry(2))
  s.send.mockResolvedValueOnce({ ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' })
  const failed = await q.drain()
  expect(failed).toMatchObject({ sent: 0, left: 2, error: { code: 'NETWORK' } })
  expect(await new OfflineQueue(store, s.send).count()).toBe(2)
  expect(await q.drain()).toMatchObject({ sent: 2, left: 0 })
})

test('a scan leaves the queue only when the server answered for its nonce', async () => {
  const { store } = memoryStore()
  const s = server()
  const q = new OfflineQueue(store, s.send)
  await q.add(entry(1))
  await q.add(entry(2))
  // The server answers for the first scan only.
  s.send.mockResolvedValueOnce({ ok: true, data: { outcomes: [outcome({ nonce: scan(1).nonce })], conflicts: [] } })
  s.send.mockResolvedValueOnce({ ok: true, data: { outcomes: [], conflicts: [] } })
  const report = await q.drain()
  expect(report.sent).toBe(1)
  expect(report.error).not.toBeNull()
  expect((await q.list()).map((e) => e.scan.nonce)).toEqual([scan(2).nonce])
})

test('a batch sent again after its answer was lost adds nothing on the server', async () => {
  const { store } = memoryStore()
  const s = server()
  const q = new OfflineQueue(store, s.send)
  await q.add(entry(1))
  // The server records it, but the answer never arrives.
  s.send.mockImplementationOnce(async (_a, _d, scans) => {
    s.seen.add(scans[0].nonce)
    return { ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' }
  })
  await q.drain()
  const again = await q.drain()
  expect(again.outcomes.map((o) => o.result)).toEqual(['already'])
  expect(s.seen.size).toBe(1)
  expect(await q.count()).toBe(0)
})

test('a scan added while a batch is on its way waits for the next batch, and two drains share one run', async () => {
  const { store } = memoryStore()
  const s = server()
  const q = new OfflineQueue(store, s.send)
  await q.add(entry(1))
  let release!: () => void
  const gate = new Promise<void>((r) => (release = r))
  const real = s.send.getMockImplementation()!
  s.send.mockImplementationOnce(async (...args) => {
    await gate
    return real(...args)
  })
  const first = q.drain()
  const second = q.drain()
  await q.add(entry(2))
  release()
  const [a, b] = await Promise.all([first, second])
  expect(a).toBe(b)
  expect(s.batches.map((x) => x.scans.map((y) => y.nonce))).toEqual([[scan(1).nonce], [scan(2).nonce]])
  expect(await q.count()).toBe(0)
})

test('conflicts the server reports come back from the drain', async () => {
  const { store } = memoryStore()
  const s = server()
  const q = new OfflineQueue(store, s.send)
  await q.add(entry(1))
  const conflict = {
    ticketId: 'tk-1',
    nameMasked: '刘*',
    first: { at: '2030-09-20T01:30:00.000Z', device: 'phone A' },
    second: { at: '2030-09-20T01:31:00.000Z', device: 'phone B' },
  }
  s.send.mockResolvedValueOnce({
    ok: true,
    data: { outcomes: [outcome({ nonce: scan(1).nonce, result: 'already' })], conflicts: [conflict] },
  })
  expect((await q.drain()).conflicts).toEqual([conflict])
})

test('unreadable storage starts an empty queue instead of failing', async () => {
  const { store, m } = memoryStore()
  m.set('checkin-queue', JSON.stringify([{ junk: true }, entry(3)]))
  expect(await new OfflineQueue(store, server().send).list()).toEqual([entry(3)])
})
