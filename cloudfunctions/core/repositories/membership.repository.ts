import { _, listOf, rowsOf, serverNow, type Db } from '../db'
import type { MembershipDoc, VolunteerDoc } from '../models'

/**
 * The member counters (TeamDoc.members) move here, with the memberships they count, and nowhere
 * else: a person counts once in each team of their memberOf (core/team.ts countedIn). Joining adds
 * them to the teams of the new path not already in memberOf; ending every membership removes them
 * from every team of memberOf. Callers move counters only after the volunteer record's own
 * compare-and-set succeeded, so each transition counts once; the nightly recount repairs a call
 * cut short between the two writes.
 */
export interface MembershipRepository {
  /**
   * Makes the person an active member of the team (and so of every team above it). Idempotent.
   * `countedBefore`: the teams the person counted in just before this transition (their memberOf,
   * [] when they were not active), or null when this call did not make the transition (a repeated
   * tap): then no counter moves.
   */
  activate(
    openid: string,
    team: { id: string; path: string[] },
    primary: boolean,
    countedBefore: string[] | null,
  ): Promise<void>
  /**
   * Every membership of the person moves to `status` (identity back in review, or 退出), and the
   * person stops counting in `counted` (their memberOf while active; [] when they were not active).
   */
  setAll(openid: string, status: MembershipDoc['status'], counted: string[]): Promise<void>
  /**
   * Each team's distinct activated people as a recount gives them (teams with none are absent), and
   * whether any activated record still lacks memberOf (from before it: the recount fills those).
   */
  recount(): Promise<{ members: Map<string, number>; lackingMemberOf: boolean }>
  /**
   * Sets counters to their recounted value, each only while it still holds the value read before the
   * recount (`from`): a counter moved in between is left for the next recount, never overwritten.
   * One request per distinct (from, to) pair. Returns how many teams were repaired.
   */
  repair(changes: { id: string; from: number | undefined; to: number }[]): Promise<number>
  /** Which of `openids` are activated members of the team's subtree. */
  activeAmong(teamId: string, openids: string[]): Promise<Set<string>>
  /**
   * A page of the subtree's activated members, most recently activated first: one record per person
   * (memberOf holds every team they count in), read on the index member_of_activated.
   */
  memberPage(teamId: string, after: { at: Date; id: string } | null, limit: number): Promise<VolunteerDoc[]>
}

/** The most rows one get() answers. */
const MAX_GET = 1000

export function membershipRepository(db: Db): MembershipRepository {
  const col = db.collection('memberships')
  const teams = db.collection('teams')
  const inSubtree = (teamId: string) => ({ teamPath: teamId, status: 'active' })
  /** One request for all affected teams, never one per team. */
  const count = async (ids: string[], by: 1 | -1) => {
    if (ids.length) await teams.where({ _id: _.in(ids) }).update({ data: { members: _.inc(by) } })
  }
  return {
    async activate(openid, team, primary, countedBefore) {
      const data = { openid, teamId: team.id, teamPath: team.path, status: 'active', primary, since: serverNow() }
      const gained = countedBefore ? team.path.filter((id) => !countedBefore.includes(id)) : []
      await Promise.all([col.doc(`${openid}_${team.id}`).set({ data }), count(gained, 1)])
    },
    async setAll(openid, status, counted) {
      await Promise.all([col.where({ openid, status: _.neq(status) }).update({ data: { status } }), count(counted, -1)])
    },
    async recount() {
      const $ = db.command.aggregate
      const members = new Map<string, number>()
      let lackingMemberOf = false
      // From the volunteers' memberOf (one record per person: nobody twice), paged by team id. A record
      // from before memberOf counts in its primary path (core/team.ts countedIn) and is told apart in
      // the same read, so finding those costs no request once every record has memberOf.
      for (;;) {
        const last = [...members.keys()].pop()
        const rows = await listOf<{ _id: string; n: number; lacking: number }>(
          db
            .collection('volunteers')
            .aggregate()
            .match({ status: 'active' })
            .project({
              t: $.ifNull(['$memberOf', '$teamPath']),
              lacking: $.cond([$.eq([$.ifNull(['$memberOf', null]), null]), 1, 0]),
            })
            .unwind('$t')
            .group({ _id: '$t', n: $.sum(1), lacking: $.sum('$lacking') })
            .match(last ? { _id: _.gt(last) } : {})
            .sort({ _id: 1 })
            .limit(MAX_GET),
        )
        for (const r of rows) {
          members.set(r._id, r.n)
          if (r.lacking > 0) lackingMemberOf = true
        }
        if (rows.length < MAX_GET) return { members, lackingMemberOf }
      }
    },
    async repair(changes) {
      const groups = new Map<string, { from: number | undefined; to: number; ids: string[] }>()
      for (const c of changes) {
        const key = `${c.from ?? 'none'}>${c.to}`
        const g = groups.get(key) ?? { from: c.from, to: c.to, ids: [] }
        g.ids.push(c.id)
        groups.set(key, g)
      }
      const res = await Promise.all(
        [...groups.values()].map(
          (g) =>
            teams
              .where({ _id: _.in(g.ids), members: g.from === undefined ? _.exists(false) : g.from })
              .update({ data: { members: g.to } }) as Promise<{ stats: { updated: number } }>,
        ),
      )
      return res.reduce((n, r) => n + r.stats.updated, 0)
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
    memberPage(teamId, after, limit) {
      const base = { memberOf: teamId, status: 'active' }
      const query = after
        ? _.and([base, _.or([{ activatedAt: _.lt(after.at) }, { activatedAt: after.at, _id: _.lt(after.id) }])])
        : base
      return rowsOf<VolunteerDoc>(
        db.collection('volunteers').where(query).orderBy('activatedAt', 'desc').orderBy('_id', 'desc').limit(limit),
      )
    },
  }
}
