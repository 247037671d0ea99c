import { rowsOf, type Db } from '../db'
import type { PeriodDoc } from '../models'

export interface PeriodRepository {
  all(): Promise<PeriodDoc[]>
  save(p: PeriodDoc): Promise<void>
}

export function periodRepository(db: Db): PeriodRepository {
  const col = db.collection('periods')
  return {
    all: () => rowsOf<PeriodDoc>(col.orderBy('start', 'desc').limit(100)),
    async save({ _id, ...rest }) {
      await col.doc(_id).set({ data: rest })
    },
  }
}
