import { _, listOf, rowsOf, serverNow, type Db } from '../db'
import type { MembershipDoc, VolunteerDoc } from '../models'

export interface MembershipRepository {
  /** Makes the person an active member of the team (and so of every team above it). Idempotent. */
  activate(openid: string, team: { id: string; path: string[] }, primary: boolean): Promise<void>
  /** Every membership of the person moves to `status` (identity back in review, or 退出). */
  setAll(openid: string, status: MembershipDoc['status']): Promise<void>
  /** Distinct activated people in the team's subtree: one person in three teams counts once. */
  countMembers(teamId: string): Promise<number>
  /** Distinct activated people under each of `childIds` (one request for all of them). */
  countMembersUnder(teamId: string, childIds: string[]): Promise<Record<string, number>>
  /** Which of `openids` are activated members of the team's subtree. */
  activeAmong(teamId: string, openids: string[]): Promise<Set<string>>
  /** A page of the subtree's distinct members with their registration, most recently joined first. */
  memberPage(
    teamId: string,
    after: { since: Date; openid: string } | null,
    limit: number,
  ): Promise<{ since: Date; volunteer: VolunteerDoc }[]>
}

/** The most rows one get() answers. */
const MAX_GET = 1000

export function membershipRepository(db: Db): MembershipRepository {
  const col = db.collection('memberships')
  const inSubtree = (teamId: string) => ({ teamPath: teamId, status: 'active' })
  return {
    async activate(openid, team, primary) {
      const data = { openid, teamId: team.id, teamPath: team.path, status: 'active', primary, since: serverNow() }
      await col.doc(`${openid}_${team.id}`).set({ data })
    },
    async setAll(openid, status) {
      await col.where({ openid, status: _.neq(status) }).update({ data: { status } })
    },
    async countMembers(teamId) {
      const rows = await listOf<{ n: number }>(
        col.aggregate().match(inSubtree(teamId)).group({ _id: '$openid' }).count('n'),
      )
      return rows[0]?.n ?? 0
    },
    async countMembersUnder(teamId, childIds) {
      if (childIds.length === 0) return {}
      const rows = await listOf<{ _id: string; n: number }>(
        col
          .aggregate()
          .match(inSubtree(teamId))
          .unwind('$teamPath')
          .match({ teamPath: _.in(childIds) })
          .group({ _id: { team: '$teamPath', openid: '$openid' } })
          .group({ _id: '$_id.team', n: db.command.aggregate.sum(1) })
          .limit(childIds.length),
      )
      return Object.fromEntries(rows.map((r) => [r._id, r.n]))
    },
    async activeAmong(teamId, openids) {
      // A get() answers at most 1000 rows and a person may be a member of several teams of the
      // subtree: a full answer may have been cut short, and its openids are asked again in halves.
      const lookup = async (page: string[]): Promise<MembershipDoc[]> => {
        const rows = await rowsOf<MembershipDoc>(col.where({ ...inSubtree(teamId), openid: _.in(page) }).limit(MAX_GET))
        if (rows.length < MAX_GET || page.length === 1) return rows
        const half = Math.ceil(page.length / 2)
        return (await Promise.all([lookup(page.slice(0, half)), lookup(page.slice(half))])).flat()
      }
      const pages: string[][] = []
      for (let i = 0; i < openids.length; i += MAX_GET) pages.push(openids.slice(i, i + MAX_GET))
      return new Set((await Promise.all(pages.map(lookup))).flat().map((r) => r.openid))
    },
    async memberPage(teamId, after, limit) {
      const $ = db.command.aggregate
      // Keyset paging on (joined, openid) after grouping: one person in several teams is one row.
      const rest = after ? [_.or([{ since: _.lt(after.since) }, { since: after.since, _id: _.lt(after.openid) }])] : []
      let pipeline = col
        .aggregate()
        .match(inSubtree(teamId))
        .group({ _id: '$openid', since: $.max('$since') })
      for (const m of rest) pipeline = pipeline.match(m)
      const rows = await listOf<{ _id: string; since: Date; v: VolunteerDoc[] }>(
        pipeline
          .sort({ since: -1, _id: -1 })
          .limit(limit)
          .lookup({ from: 'volunteers', localField: '_id', foreignField: 'openid', as: 'v' }),
      )
      return rows.flatMap((r) => (r.v[0] ? [{ since: new Date(r.since), volunteer: r.v[0] }] : []))
    },
  }
}
