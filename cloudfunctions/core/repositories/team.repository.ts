import { rowsOf, type Db } from '../db'
import type { TeamDoc } from '../models'

export interface TeamRepository {
  get(id: string): Promise<TeamDoc | null>
  /** The whole tree: a city has a few dozen teams, far under one page of 1000. */
  all(): Promise<TeamDoc[]>
}

export function teamRepository(db: Db): TeamRepository {
  const col = db.collection('teams')
  return {
    async get(id) {
      const [row] = await rowsOf<TeamDoc>(col.where({ _id: id }).limit(1))
      return row ?? null
    },
    all: () => rowsOf<TeamDoc>(col.limit(1000)),
  }
}
