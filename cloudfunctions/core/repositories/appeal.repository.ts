/** 申诉: appeals of people whose ID number is taken, for the holder's team administrators. */
import type { Scope } from '../auth'
import { _, rowsOf, serverNow, type Db } from '../db'
import type { AppealDoc } from '../models'

export interface AppealRepository {
  add(a: Omit<AppealDoc, '_id' | 'at' | 'status'>): Promise<void>
  get(id: string): Promise<AppealDoc | null>
  /**
   * Open appeals the scope administers, newest first, keyset-paged on (at, _id) after `after`; an
   * appeal about no record is the owner's.
   */
  openInScope(scope: Scope, after: { at: Date; id: string } | null, limit: number): Promise<AppealDoc[]>
  /**
   * Closes an open appeal: the status is the update's condition, so of two closes exactly one
   * changes it (true); the other, and a close of a closed appeal, change nothing (false).
   */
  close(id: string, closed: Omit<NonNullable<AppealDoc['closed']>, 'at'>): Promise<boolean>
}

export function appealRepository(db: Db): AppealRepository {
  const col = db.collection('appeals')
  return {
    async add(a) {
      await col.add({ data: { ...a, status: 'open', at: serverNow() } })
    },
    async get(id) {
      const [a] = await rowsOf<AppealDoc>(col.where({ _id: id }).limit(1))
      return a ?? null
    },
    openInScope(scope, after, limit) {
      const base = scope === 'all' ? { status: 'open' } : { status: 'open', teamPath: _.in(scope) }
      const query = after ? _.and([base, _.or([{ at: _.lt(after.at) }, { at: after.at, _id: _.lt(after.id) }])]) : base
      return rowsOf<AppealDoc>(col.where(query).orderBy('at', 'desc').orderBy('_id', 'desc').limit(limit))
    },
    async close(id, closed) {
      const r = (await col
        .where({ _id: id, status: 'open' })
        .update({ data: { status: 'closed', closed: { ...closed, at: serverNow() } } })) as {
        stats: { updated: number }
      }
      return r.stats.updated === 1
    },
  }
}
