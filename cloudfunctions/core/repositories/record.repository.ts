/** Append-only records: review history, messages and the audit log. */
import { rowsOf, serverNow, type Db } from '../db'
import type { AuditDoc, MessageDoc, ReviewDoc } from '../models'

export interface RecordRepository {
  addReview(r: Omit<ReviewDoc, '_id' | 'at'>): Promise<void>
  reviewsOf(volunteerId: string, limit: number): Promise<ReviewDoc[]>
  addMessage(m: Omit<MessageDoc, '_id' | 'createdAt'>): Promise<void>
  /** Many messages in one request (up to 1000). */
  addMessages(ms: Omit<MessageDoc, '_id' | 'createdAt'>[]): Promise<void>
  messagesOf(openid: string, limit: number): Promise<MessageDoc[]>
  audit(a: Omit<AuditDoc, '_id' | 'at'>): Promise<void>
  /** Several audit entries in one request (written before the work they record). */
  auditMany(a: Omit<AuditDoc, '_id' | 'at'>[]): Promise<void>
}

export function recordRepository(db: Db): RecordRepository {
  return {
    async addReview(r) {
      await db.collection('reviews').add({ data: { ...r, at: serverNow() } })
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
    async auditMany(a) {
      if (a.length === 0) return
      const at = serverNow()
      await db
        .collection('audit_logs')
        .add({ data: a.map((x) => ({ ...x, at })) as unknown as Record<string, unknown> })
    },
  }
}
