/** 申诉: appeals of people whose ID number is taken, for the holder's team administrators. */
import type { Scope } from '../auth'
import { _, rowsOf, serverNow, type Db } from '../db'
import type { AppealDoc } from '../models'

export interface AppealRepository {
  add(a: Omit<AppealDoc, '_id' | 'at' | 'status'>): Promise<void>
  /** Open appeals the scope administers, newest first; an appeal about no record is the owner's. */
  openInScope(scope: Scope, limit: number): Promise<AppealDoc[]>
}

export function appealRepository(db: Db): AppealRepository {
  const col = db.collection('appeals')
  return {
    async add(a) {
      await col.add({ data: { ...a, status: 'open', at: serverNow() } })
    },
    openInScope: (scope, limit) =>
      rowsOf<AppealDoc>(
        col
          .where(scope === 'all' ? { status: 'open' } : { status: 'open', teamPath: _.in(scope) })
          .orderBy('at', 'desc')
          .limit(limit),
      ),
  }
}
