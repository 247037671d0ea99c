import type { RoleGrant } from '../../../types/api'
import { listOf, rowsOf, serverNow, type Db } from '../db'
import type { RoleDoc, VolunteerDoc } from '../models'

/** The state of a grant holder's registration that decides whether their grants hold. */
export type Holder = Pick<VolunteerDoc, 'status'> | null

export interface RoleRepository {
  /** The person's grants and their registration's state, in one request. */
  grantsOf(openid: string): Promise<{ grants: RoleGrant[]; holder: Holder }>
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
      // The holder comes along in the same request, so checking their state costs nothing extra.
      const rows = await listOf<RoleDoc & { holder: VolunteerDoc[] }>(
        col
          .aggregate()
          .match({ openid })
          .limit(MAX_GRANTS)
          .lookup({ from: 'volunteers', localField: 'openid', foreignField: 'openid', as: 'holder' }),
      )
      const h = rows[0]?.holder[0]
      return {
        grants: rows.map((r) => ({ role: r.role, team: r.team })),
        holder: h ? { status: h.status } : null,
      }
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
