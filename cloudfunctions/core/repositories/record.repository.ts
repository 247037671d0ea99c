/** Append-only records: review history, messages and the audit log. */
import { _, rowsOf, serverNow, type Db } from '../db'
import type { AuditDoc, MessageDoc, ReviewDoc } from '../models'

export interface RecordRepository {
  addReview(r: Omit<ReviewDoc, '_id' | 'at'>): Promise<void>
  /** Many review entries in one request (a batch's decisions). */
  addReviews(rs: Omit<ReviewDoc, '_id' | 'at'>[]): Promise<void>
  reviewsOf(volunteerId: string, limit: number): Promise<ReviewDoc[]>
  addMessage(m: Omit<MessageDoc, '_id' | 'createdAt'>): Promise<void>
  /** Many messages in one request (up to 1000). */
  addMessages(ms: Omit<MessageDoc, '_id' | 'createdAt'>[]): Promise<void>
  messagesOf(openid: string, limit: number): Promise<MessageDoc[]>
  audit(a: Omit<AuditDoc, '_id' | 'at'>): Promise<void>
  /** Several audit entries in one request (written before the work they record). */
  auditMany(a: Omit<AuditDoc, '_id' | 'at'>[]): Promise<void>
  /** A page of the audit log, newest first (keyset on at, _id). There is no way to change or delete it. */
  auditPage(filter: AuditFilter, after: { at: Date; id: string } | null, limit: number): Promise<AuditDoc[]>
}

export interface AuditFilter {
  action?: AuditDoc['action']
  by?: string
  teamId?: string
  from?: Date
  to?: Date
}

export function recordRepository(db: Db): RecordRepository {
  return {
    async addReview(r) {
      await db.collection('reviews').add({ data: { ...r, at: serverNow() } })
    },
    async addReviews(rs) {
      if (rs.length === 0) return
      const at = serverNow()
      await db.collection('reviews').add({ data: rs.map((r) => ({ ...r, at })) as unknown as Record<string, unknown> })
    },
    reviewsOf: (volunteerId, limit) =>
      rowsOf<ReviewDoc>(db.collection('reviews').where({ volunteerId }).orderBy('at', 'desc').limit(limit)),
    async addMessage(m) {
      await db.collection('messages').add({ data: { ...m, createdAt: serverNow() } })
    },
    async addMessages(ms) {
      if (ms.length) await db.collection('messages').add({ data: ms.map((m) => ({ ...m, createdAt: serverNow() })) })
    },
    messagesOf: (openid, limit) =>
      rowsOf<MessageDoc>(db.collection('messages').where({ openid }).orderBy('createdAt', 'desc').limit(limit)),
    async audit(a) {
      await db.collection('audit_logs').add({ data: { ...a, at: serverNow() } })
    },
    auditPage(f, after, limit) {
      const conds: object[] = []
      if (f.action) conds.push({ action: f.action })
      if (f.by) conds.push({ by: f.by })
      if (f.teamId) conds.push({ teamPath: f.teamId })
      if (f.from) conds.push({ at: _.gte(f.from) })
      if (f.to) conds.push({ at: _.lt(f.to) })
      if (after) conds.push(_.or([{ at: _.lt(after.at) }, { at: after.at, _id: _.lt(after.id) }]))
      const where = conds.length ? _.and(conds) : {}
      return rowsOf<AuditDoc>(
        db.collection('audit_logs').where(where).orderBy('at', 'desc').orderBy('_id', 'desc').limit(limit),
      )
    },
    async auditMany(a) {
      if (a.length === 0) return
      const at = serverNow()
      await db
        .collection('audit_logs')
        .add({ data: a.map((x) => ({ ...x, at })) as unknown as Record<string, unknown> })
    },
  }
}
