import type { RoleGrant } from '../../../types/api'
import { rowsOf, serverNow, type Db } from '../db'
import type { RoleDoc } from '../models'

export interface RoleRepository {
  grantsOf(openid: string): Promise<RoleGrant[]>
  get(id: string): Promise<RoleDoc | null>
  /** Grants on the team and every team below it. */
  inSubtree(teamId: string): Promise<RoleDoc[]>
  grant(r: Omit<RoleDoc, '_id' | 'grantedAt'>): Promise<RoleDoc>
  revoke(id: string): Promise<void>
}

/** A person holds a handful of roles at most; 100 is far above any real count. */
const MAX_GRANTS = 100

export function roleRepository(db: Db): RoleRepository {
  const col = db.collection('roles')
  return {
    async grantsOf(openid) {
      const rows = await rowsOf<RoleDoc>(col.where({ openid }).limit(MAX_GRANTS))
      return rows.map((r) => ({ role: r.role, team: r.team }))
    },
    async get(id) {
      const [row] = await rowsOf<RoleDoc>(col.where({ _id: id }).limit(1))
      return row ?? null
    },
    inSubtree: (teamId) => rowsOf<RoleDoc>(col.where({ teamPath: teamId }).limit(1000)),
    async grant(r) {
      const id = `${r.openid}_${r.role}_${r.teamId}`
      // set() on a deterministic id: granting the same role twice leaves one grant.
      await col.doc(id).set({ data: { ...r, grantedAt: serverNow() } })
      return { ...r, _id: id, grantedAt: new Date() }
    },
    async revoke(id) {
      await col.where({ _id: id }).remove()
    },
  }
}
