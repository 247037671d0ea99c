import type { MemberItem, Page, TeamNode, TeamPage } from '../../../types/api'
import { FocusTag } from '../../../types/enums'
import { CHILD_KINDS, leaderWarnings } from '../../../types/teams'
import { inScope, teamInScope, type Scope } from '../auth'
import type { Caller } from '../context'
import { AppError, forbidden, notFound, notInScope } from '../errors'
import type { TeamDoc, VolunteerDoc } from '../models'
import { currentPeriod, deadlineState, periodRange } from '../period'
import type { ActivityRepository } from '../repositories/activity.repository'
import type { MembershipRepository } from '../repositories/membership.repository'
import type { PeriodRepository } from '../repositories/period.repository'
import type { ReportRepository } from '../repositories/report.repository'
import type { TeamRepository } from '../repositories/team.repository'
import type { VolunteerRepository } from '../repositories/volunteer.repository'
import { decodeCursor, encodeCursor } from './cursor'

export interface TeamDeps {
  teams: TeamRepository
  memberships: MembershipRepository
  volunteers: VolunteerRepository
  periods: PeriodRepository
  activities: ActivityRepository
  reports: Pick<ReportRepository, 'filedForms'>
}

const DEFAULT_LIMIT = 20

/** The tree flattened depth-first, siblings by name; parents come before their children. */
export function flatten(all: TeamDoc[]): TeamNode[] {
  const children = new Map<string | null, TeamDoc[]>()
  for (const t of all) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t])
  const out: TeamNode[] = []
  const walk = (parentId: string | null, depth: number) => {
    const kids = (children.get(parentId) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    for (const t of kids) {
      out.push(node(t, depth))
      walk(t._id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}

const node = (t: TeamDoc, depth = t.path.length - 1): TeamNode => ({
  id: t._id,
  name: t.name,
  kind: t.kind,
  parentId: t.parentId,
  depth,
})

/**
 * Two sibling names are the same when they differ only in Unicode form, full- or half-width
 * characters, letter case or spaces (赫山区队 / 赫山区 队 / 赫山区队 with a composed character).
 */
export function sameTeamName(a: string, b: string): boolean {
  const key = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
  return key(a) === key(b)
}

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

export function teamService({ teams, memberships, volunteers, periods, activities, reports }: TeamDeps) {
  /** Admins of an ancestor and owners manage a team; its organizers may look at it. */
  async function access(caller: Caller, team: TeamDoc): Promise<{ scope: Scope | null; manage: boolean }> {
    const grants = await caller.roles()
    const owner = grants.some((g) => g.role === 'owner')
    const adminOf = grants.filter((g) => g.role === 'admin').map((g) => g.team.id)
    const scope: Scope | null = owner ? 'all' : adminOf.length ? adminOf : null
    const manage = scope !== null && inScope(scope, team.path)
    const organizes = grants.some((g) => g.role === 'organizer' && team.path.includes(g.team.id))
    if (!manage && !organizes) {
      if (grants.length === 0) throw forbidden('仅管理员和组织者可以查看队伍')
      throw notInScope()
    }
    return { scope, manage }
  }

  async function page(caller: Caller, teamId: string): Promise<TeamPage> {
    const all = await teams.all()
    const team = all.find((t) => t._id === teamId)
    if (!team) throw notFound('该队伍')
    const { manage } = await access(caller, team)
    const now = caller.now()
    const kids = all.filter((t) => t.parentId === team._id).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    const leaderOpenids = [team.leaderOpenid, ...(team.deputyOpenids ?? [])].filter((x): x is string => !!x)
    const period = currentPeriod(await periods.all(), now)
    const [members, perChild, leaders, covered, filed] = await Promise.all([
      memberships.countMembers(team._id),
      memberships.countMembersUnder(
        team._id,
        kids.map((k) => k._id),
      ),
      volunteers.findByOpenids(leaderOpenids),
      period ? activities.focusCovered(team._id, ...periodRange(period)) : Promise.resolve([]),
      period ? reports.filedForms(team._id, period._id) : Promise.resolve(new Set<string>()),
    ])
    const byOpenid = new Map(leaders.map((v) => [v.openid, v]))
    const deputies = (team.deputyOpenids ?? []).flatMap((o) => (byOpenid.has(o) ? [memberItem(byOpenid.get(o)!)] : []))
    const leader =
      team.leaderOpenid && byOpenid.has(team.leaderOpenid) ? memberItem(byOpenid.get(team.leaderOpenid)!) : null
    const target = period?.targets.find((t) => t.kind === team.kind) ?? null
    const grants = await caller.roles()
    return {
      team: node(team),
      breadcrumb: team.path.flatMap((id) => {
        const t = all.find((x) => x._id === id)
        return t ? [{ id: t._id, name: t.name, kind: t.kind }] : []
      }),
      children: kids.map((k) => ({ ...node(k), members: perChild[k._id] ?? 0 })),
      members,
      target,
      leader,
      deputies,
      warnings: leaderWarnings(team.kind, leader !== null, deputies.length),
      period: period && {
        id: period._id,
        name: period.name,
        deadlines: period.deadlines
          .filter((d) => d.kinds.length === 0 || d.kinds.includes(team.kind))
          .map((d) => ({
            key: d.key,
            label: d.label,
            due: d.due,
            // A team counts as formed once it reaches its founding size (or exists, when it has no target);
            // a form's deadline is met once the team has filed that form for the period.
            state: deadlineState(
              d.due,
              (d.key.endsWith('_formed') && members >= (target?.founding ?? 0)) || (filed as Set<string>).has(d.key),
              now,
            ),
          })),
      },
      focusMissing: FocusTag.values.filter((f) => !covered.includes(f)),
      can: {
        manage,
        appointAdmins: grants.some((g) => g.role === 'owner'),
        appointOrganizers: manage,
      },
    }
  }

  const manageable = (caller: Caller, teamId: string) => teamInScope(caller, teams, teamId)

  return {
    async tree(): Promise<TeamNode[]> {
      return flatten(await teams.all())
    },

    page,

    async members(
      caller: Caller,
      data: { teamId: string; cursor?: string; limit?: number },
    ): Promise<Page<MemberItem>> {
      await manageable(caller, data.teamId)
      const limit = data.limit ?? DEFAULT_LIMIT
      const after = data.cursor ? (({ at, id }) => ({ since: at, openid: id }))(decodeCursor(data.cursor)) : null
      const rows = await memberships.memberPage(data.teamId, after, limit + 1)
      const pageRows = rows.slice(0, limit)
      const last = pageRows[pageRows.length - 1]
      return {
        items: pageRows.map((r) => memberItem(r.volunteer)),
        nextCursor: rows.length > limit && last ? encodeCursor({ at: last.since, id: last.volunteer.openid }) : null,
      }
    },

    async create(caller: Caller, data: { parentId: string; name: string; kind: TeamDoc['kind'] }): Promise<TeamNode> {
      const parent = await manageable(caller, data.parentId)
      if (!CHILD_KINDS[parent.kind].includes(data.kind)) {
        throw new AppError('INVALID_INPUT', '该类型的队伍不能建在所选上级队伍之下', 'kind')
      }
      const siblings = (await teams.all()).filter((t) => t.parentId === parent._id)
      if (siblings.some((t) => sameTeamName(t.name, data.name)))
        throw new AppError('INVALID_INPUT', '同一上级下已有同名队伍', 'name')
      const team = await teams.insert({
        name: data.name,
        kind: data.kind,
        parentId: parent._id,
        parentPath: parent.path,
        leaderOpenid: null,
        deputyOpenids: [],
        createdBy: caller.openid,
      })
      return node(team)
    },

    async rename(caller: Caller, data: { teamId: string; name: string }): Promise<TeamNode> {
      const team = await manageable(caller, data.teamId)
      const siblings = (await teams.all()).filter((t) => t.parentId === team.parentId && t._id !== team._id)
      if (siblings.some((t) => sameTeamName(t.name, data.name)))
        throw new AppError('INVALID_INPUT', '同一上级下已有同名队伍', 'name')
      await teams.rename(team._id, data.name)
      return node({ ...team, name: data.name })
    },

    async setLeaders(
      caller: Caller,
      data: { teamId: string; leaderId: string | null; deputyIds: string[] },
    ): Promise<TeamPage> {
      const team = await manageable(caller, data.teamId)
      const ids = [...new Set([...(data.leaderId ? [data.leaderId] : []), ...data.deputyIds])]
      if (data.leaderId && data.deputyIds.includes(data.leaderId)) {
        throw new AppError('INVALID_INPUT', '同一人不能既是正职又是副职', 'deputyIds')
      }
      const people = await volunteers.findByIds(ids)
      const byId = new Map(people.map((v) => [v._id, v]))
      const members = await memberships.activeAmong(
        team._id,
        people.map((v) => v.openid),
      )
      const notMember = ids.find((id) => !byId.has(id) || !members.has(byId.get(id)!.openid))
      if (notMember) {
        throw new AppError(
          'INVALID_INPUT',
          '正副职须从本队伍已激活的志愿者中选择',
          notMember === data.leaderId ? 'leaderId' : 'deputyIds',
        )
      }
      const openidOf = (id: string) => byId.get(id)!.openid
      await teams.setLeaders(team._id, data.leaderId ? openidOf(data.leaderId) : null, data.deputyIds.map(openidOf))
      return page(caller, team._id)
    },
  }
}
