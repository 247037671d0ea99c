import type { RoleGrant } from '../../../types/api'
import { rowsOf, type Db } from '../db'
import type { RoleDoc } from '../models'

export interface RoleRepository {
  grantsOf(openid: string): Promise<RoleGrant[]>
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
  }
}
