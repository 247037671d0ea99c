import { _, serverNow, type Db } from '../db'
import type { MembershipDoc } from '../models'

export interface MembershipRepository {
  /** Makes the person an active member of the team (and so of every team above it). Idempotent. */
  activate(openid: string, team: { id: string; path: string[] }, primary: boolean): Promise<void>
  /** Every membership of the person moves to `status` (identity back in review, or 退出). */
  setAll(openid: string, status: MembershipDoc['status']): Promise<void>
}

export function membershipRepository(db: Db): MembershipRepository {
  const col = db.collection('memberships')
  return {
    async activate(openid, team, primary) {
      const data = { openid, teamId: team.id, teamPath: team.path, status: 'active', primary, since: serverNow() }
      await col.doc(`${openid}_${team.id}`).set({ data })
    },
    async setAll(openid, status) {
      await col.where({ openid, status: _.neq(status) }).update({ data: { status } })
    },
  }
}
