/**
 * The team record as a domain object: how a team doc is built (the functions, the demo seed and the
 * benchmark's generator all build it here) and the rule of its member counter.
 */
import type { TeamDoc, VolunteerDoc } from './models'

/**
 * The key two sibling names are compared and searched by: Unicode form, full- or half-width
 * characters, letter case and spaces do not matter (赫山区队 / 赫山区 队 / ＨＳ队 = hs队).
 */
export const nameKey = (name: string): string => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase()

/** A new team under `parent` (null for a root), with an empty member counter. */
export function newTeam(
  t: Pick<TeamDoc, '_id' | 'name' | 'kind' | 'createdBy'>,
  parent: Pick<TeamDoc, '_id' | 'path'> | null,
): TeamDoc {
  return {
    ...t,
    nameKey: nameKey(t.name),
    parentId: parent?._id ?? null,
    path: [...(parent?.path ?? []), t._id],
    leaderOpenid: null,
    deputyOpenids: [],
    members: 0,
  }
}

/**
 * The teams a person counts in while active: the union of their active memberships' paths, kept on
 * the record as memberOf (records activated before memberOf existed: their primary team's path, which
 * the nightly member recount then writes on them as memberOf). Nobody counts anywhere unless activated.
 */
export const countedIn = (v: Pick<VolunteerDoc, 'status' | 'memberOf' | 'teamPath'>): string[] =>
  v.status === 'active' ? (v.memberOf ?? v.teamPath) : []

/**
 * Member counters as a recount gives them: each team's distinct activated people in its subtree.
 * One person is one record with one memberOf, so nobody is counted twice in a team.
 */
export function countMembers(
  volunteers: Pick<VolunteerDoc, 'status' | 'memberOf' | 'teamPath'>[],
): Map<string, number> {
  const n = new Map<string, number>()
  for (const v of volunteers) for (const id of countedIn(v)) n.set(id, (n.get(id) ?? 0) + 1)
  return n
}

/** `teams` with counters that agree with `volunteers` (demo seed, generated data). */
export const withMemberCounts = (teams: TeamDoc[], volunteers: Parameters<typeof countMembers>[0]): TeamDoc[] => {
  const n = countMembers(volunteers)
  return teams.map((t) => ({ ...t, members: n.get(t._id) ?? 0 }))
}
