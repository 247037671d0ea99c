import { rowsOf, type Db } from '../db'
import type { PeriodDoc } from '../models'

export interface PeriodRepository {
  all(): Promise<PeriodDoc[]>
  /** One period by id (primary key: one document examined, however many periods there are). */
  get(id: string): Promise<PeriodDoc | null>
  save(p: PeriodDoc): Promise<void>
}

export function periodRepository(db: Db): PeriodRepository {
  const col = db.collection('periods')
  return {
    all: () => rowsOf<PeriodDoc>(col.orderBy('start', 'desc').limit(100)),
    async get(id) {
      const [row] = await rowsOf<PeriodDoc>(col.where({ _id: id }).limit(1))
      return row ?? null
    },
    async save({ _id, ...rest }) {
      await col.doc(_id).set({ data: rest })
    },
  }
}
