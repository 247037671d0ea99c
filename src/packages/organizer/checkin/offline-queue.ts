/**
 * Check-ins made with no network, kept on the phone until the cloud has answered for each of them.
 * Every scan carries its own nonce and its original scan time; the server accepts a nonce once, so
 * sending a batch again (the answer lost on the way back, the app killed mid-sync) adds nothing.
 *
 * Rules: a scan is written to storage before `add` resolves; it leaves the queue only once the
 * server's answer names its nonce; batches hold at most MAX_SYNC_BATCH scans of one activity and one
 * device, oldest first; one drain runs at a time.
 */
import type { ScanInput, ScanOutcome, SyncResult } from '../../../../types/api'
import { MAX_SYNC_BATCH } from '../../../../types/schemas/checkin'
import type { Err, Result } from '../../../../types/result'

export interface QueuedScan {
  activityId: string
  device: string
  scan: ScanInput
}

/** Where the queue lives: `Taro.setStorage` on the phone, a Map in tests. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>
  set(key: string, value: unknown): Promise<void>
}

export type SendBatch = (activityId: string, device: string, scans: ScanInput[]) => Promise<Result<SyncResult>>

export interface DrainReport {
  /** Scans the server answered for (and that left the queue). */
  sent: number
  outcomes: ScanOutcome[]
  conflicts: SyncResult['conflicts']
  /** Why draining stopped early; the scans not answered stay queued. */
  error: Err | null
  /** Scans still waiting. */
  left: number
}

export const QUEUE_KEY = 'checkin-queue'

function isQueuedScan(x: unknown): x is QueuedScan {
  if (typeof x !== 'object' || x === null) return false
  const q = x as Partial<QueuedScan>
  return (
    typeof q.activityId === 'string' &&
    typeof q.device === 'string' &&
    typeof q.scan === 'object' &&
    q.scan !== null &&
    typeof q.scan.nonce === 'string' &&
    typeof q.scan.token === 'string'
  )
}

/** The next batch to send: the oldest scan's activity and device, up to `max` of them in order. */
export function nextBatch(entries: QueuedScan[], max = MAX_SYNC_BATCH): QueuedScan[] {
  const first = entries[0]
  if (!first) return []
  return entries.filter((e) => e.activityId === first.activityId && e.device === first.device).slice(0, max)
}

/** `entries` without those whose nonce the server answered for. */
export function withoutAnswered(entries: QueuedScan[], answered: Set<string>): QueuedScan[] {
  return entries.filter((e) => !answered.has(e.scan.nonce))
}

export class OfflineQueue {
  private entries: QueuedScan[] | null = null
  private loading: Promise<QueuedScan[]> | null = null
  private draining: Promise<DrainReport> | null = null
  private listeners = new Set<() => void>()

  constructor(
    private readonly store: KeyValueStore,
    private readonly send: SendBatch,
    private readonly key = QUEUE_KEY,
  ) {}

  /** Called after every change of the queue (a scan added, a batch answered). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private async all(): Promise<QueuedScan[]> {
    if (this.entries) return this.entries
    this.loading ??= this.store.get(this.key).then(
      (v) => (Array.isArray(v) ? v.filter(isQueuedScan) : []),
      () => [],
    )
    const loaded = await this.loading
    this.entries ??= loaded
    return this.entries
  }

  private async persist(): Promise<void> {
    await this.store.set(this.key, this.entries ?? [])
    for (const l of this.listeners) l()
  }

  /** Queues a scan (once per nonce) and resolves when it is in storage. */
  async add(entry: QueuedScan): Promise<void> {
    const entries = await this.all()
    if (entries.some((e) => e.scan.nonce === entry.scan.nonce)) return
    entries.push(entry)
    await this.persist()
  }

  /** Drops the copy in memory so the next read comes from storage, as after the app restarts. */
  forget(): void {
    this.entries = null
    this.loading = null
  }

  async count(activityId?: string): Promise<number> {
    const entries = await this.all()
    return activityId ? entries.filter((e) => e.activityId === activityId).length : entries.length
  }

  async list(): Promise<QueuedScan[]> {
    return [...(await this.all())]
  }

  /** Sends everything queued, batch by batch; a second call while one runs joins it. */
  drain(): Promise<DrainReport> {
    this.draining ??= this.run().finally(() => {
      this.draining = null
    })
    return this.draining
  }

  private async run(): Promise<DrainReport> {
    const report: DrainReport = { sent: 0, outcomes: [], conflicts: [], error: null, left: 0 }
    for (;;) {
      const batch = nextBatch(await this.all())
      if (batch.length === 0) break
      const r = await this.send(
        batch[0].activityId,
        batch[0].device,
        batch.map((e) => e.scan),
      )
      if (!r.ok) {
        report.error = r
        break
      }
      const inBatch = new Set(batch.map((e) => e.scan.nonce))
      const answered = new Set(r.data.outcomes.map((o) => o.nonce).filter((n) => inBatch.has(n)))
      report.outcomes.push(...r.data.outcomes.filter((o) => answered.has(o.nonce)))
      report.conflicts.push(...r.data.conflicts)
      if (answered.size === 0) {
        report.error = { ok: false, code: 'INTERNAL', message: '服务器没有确认上传的扫码，请稍后再同步' }
        break
      }
      this.entries = withoutAnswered(await this.all(), answered)
      report.sent += answered.size
      await this.persist()
    }
    report.left = (await this.all()).length
    return report
  }
}
