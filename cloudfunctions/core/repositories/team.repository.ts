import { _, rowsOf, type Db } from '../db'
import type { TeamDoc } from '../models'

export interface TeamRepository {
  get(id: string): Promise<TeamDoc | null>
  /** The whole tree: a city has a few dozen teams, far under one page of 1000. */
  all(): Promise<TeamDoc[]>
  insert(team: Omit<TeamDoc, '_id' | 'path'> & { parentPath: string[] }): Promise<TeamDoc>
  rename(id: string, name: string): Promise<void>
  setLeaders(id: string, leaderOpenid: string | null, deputyOpenids: string[]): Promise<void>
}

export function teamRepository(db: Db): TeamRepository {
  const col = db.collection('teams')
  return {
    async get(id) {
      const [row] = await rowsOf<TeamDoc>(col.where({ _id: id }).limit(1))
      return row ?? null
    },
    all: () => rowsOf<TeamDoc>(col.limit(1000)),
    async insert({ parentPath, ...team }) {
      // The id is chosen here so the path (ancestors + itself) is written in the same insert.
      const id = `team-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
      const doc = { ...team, path: [...parentPath, id] }
      await col.doc(id).set({ data: doc })
      return { _id: id, ...doc }
    },
    async rename(id, name) {
      await col.where({ _id: id }).update({ data: { name } })
    },
    async setLeaders(id, leaderOpenid, deputyOpenids) {
      await col.where({ _id: id }).update({ data: { leaderOpenid, deputyOpenids: _.set(deputyOpenids) } })
    },
  }
}
