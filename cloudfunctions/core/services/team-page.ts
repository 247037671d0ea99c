/**
 * The team page as a pure function of what was read for it (team.service.ts page): the team doc
 * with its member counter, a page of its children with theirs, its path, leaders, the current
 * period, the focus tags covered and the forms filed. No reads, no clock: unit-tested beside it.
 */
import type { MemberItem, RoleGrant, TeamNode, TeamPage } from '../../../types/api'
import { FocusTag } from '../../../types/enums'
import { leaderWarnings } from '../../../types/teams'
import type { PeriodDoc, TeamDoc, VolunteerDoc } from '../models'
import { deadlineRows } from '../period'

export const teamNode = (t: TeamDoc, depth = t.path.length - 1): TeamNode => ({
  id: t._id,
  name: t.name,
  kind: t.kind,
  parentId: t.parentId,
  depth,
})

export function memberItem(v: VolunteerDoc): MemberItem {
  return {
    volunteerId: v._id,
    name: v.name,
    gender: v.gender,
    employer: v.employer,
    position: v.position,
    mobileMasked: v.mobileMasked,
    team: v.team,
  }
}

export interface TeamPageInputs {
  team: TeamDoc
  /** Ancestors and the team itself, any order (missing ones are skipped). */
  path: TeamDoc[]
  /** The first page of children by name, and whether more follow. */
  children: TeamDoc[]
  moreChildren: boolean
  period: PeriodDoc | null
  /** Focus tags of the subtree's activities in the period. */
  covered: FocusTag[]
  /** Forms the team filed for the period. */
  filed: Set<string>
  grants: RoleGrant[]
  /** Whether the caller administers the team (scope checked by the caller of this function). */
  manage: boolean
  now: Date
}

export function buildTeamPage(i: TeamPageInputs): TeamPage {
  const { team, period } = i
  const members = team.members ?? 0
  const byOpenid = new Map((team.leaderCards ?? []).map(({ openid, ...card }) => [openid, card]))
  const person = (openid: string | null) => (openid ? (byOpenid.get(openid) ?? null) : null)
  const leader = person(team.leaderOpenid)
  const deputies = (team.deputyOpenids ?? []).flatMap((o) => person(o) ?? [])
  const target = period?.targets.find((t) => t.kind === team.kind) ?? null
  const byId = new Map(i.path.map((t) => [t._id, t]))
  return {
    team: teamNode(team),
    breadcrumb: team.path.flatMap((id) => {
      const t = byId.get(id)
      return t ? [{ id: t._id, name: t.name, kind: t.kind }] : []
    }),
    children: i.children.map((k) => ({ ...teamNode(k), members: k.members ?? 0, path: k.path })),
    moreChildren: i.moreChildren,
    members,
    target,
    leader,
    deputies,
    warnings: leaderWarnings(team.kind, leader !== null, deputies.length),
    period: period && {
      id: period._id,
      name: period.name,
      deadlines: deadlineRows(
        period,
        team.kind,
        { members, founding: target?.founding ?? null, filed: i.filed },
        i.now,
      ),
    },
    focusMissing: FocusTag.values.filter((f) => !i.covered.includes(f)),
    can: {
      manage: i.manage,
      appointAdmins: i.grants.some((g) => g.role === 'owner'),
      appointOrganizers: i.manage,
    },
  }
}
