import type { MemberItem, Page, TeamLevelItem, TeamNode, TeamPage } from '../../../types/api'
import { CHILD_KINDS } from '../../../types/teams'
import { assertCityLevel, inScope, teamInScope, type Scope } from '../auth'
import type { Caller } from '../context'
import { AppError, forbidden, notFound, notInScope } from '../errors'
import type { TeamDoc } from '../models'
import { chinaDay, currentPeriod, periodRange } from '../period'
import type { ActivityRepository } from '../repositories/activity.repository'
import type { MembershipRepository } from '../repositories/membership.repository'
import type { RecordRepository } from '../repositories/record.repository'
import type { TeamRepository } from '../repositories/team.repository'
import type { VolunteerRepository } from '../repositories/volunteer.repository'
import { countedIn, nameKey } from '../team'
import { decodeCursor, decodeKeyCursor, encodeKeyCursor, keysetPage } from './cursor'
import { buildTeamPage, memberItem, teamNode } from './team-page'

export { memberItem }

export interface TeamDeps {
  teams: TeamRepository
  memberships: MembershipRepository
  volunteers: VolunteerRepository
  activities: Pick<ActivityRepository, 'focusCovered'>
  records: Pick<RecordRepository, 'audit'>
}

const DEFAULT_LIMIT = 20
/** Children shown on a team page; the tree lists the rest level by level. */
const CHILDREN_SHOWN = 20
/** Records read per round of the memberOf migration (the most one get() answers). */
const FILL_ROUND = 1000

/**
 * The teams flattened depth-first, siblings by name; parents come before their children. Given a
 * subtree, it starts at its top team (depth stays the depth in the whole tree).
 */
export function flatten(all: TeamDoc[]): TeamNode[] {
  const ids = new Set(all.map((t) => t._id))
  const children = new Map<string | null, TeamDoc[]>()
  for (const t of all) {
    const parent = t.parentId && ids.has(t.parentId) ? t.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), t])
  }
  const out: TeamNode[] = []
  const walk = (parentId: string | null) => {
    const kids = (children.get(parentId) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    for (const t of kids) {
      out.push(teamNode(t))
      walk(t._id)
    }
  }
  walk(null)
  return out
}

/**
 * Two sibling names are the same when they differ only in Unicode form, full- or half-width
 * characters, letter case or spaces (赫山区队 / 赫山区 队 / 赫山区队 with a composed character).
 */
export const sameTeamName = (a: string, b: string): boolean => nameKey(a) === nameKey(b)

const levelItem = (t: TeamDoc): TeamLevelItem => ({ ...teamNode(t), members: t.members ?? 0, path: t.path })

export function teamService({ teams, memberships, volunteers, activities, records }: TeamDeps) {
  /** Admins of an ancestor and owners manage a team; its organizers may look at it. */
  function access(grants: Awaited<ReturnType<Caller['roles']>>, team: TeamDoc): boolean {
    const owner = grants.some((g) => g.role === 'owner')
    const adminOf = grants.filter((g) => g.role === 'admin').map((g) => g.team.id)
    const scope: Scope | null = owner ? 'all' : adminOf.length ? adminOf : null
    const manage = scope !== null && inScope(scope, team.path)
    const organizes = grants.some((g) => g.role === 'organizer' && team.path.includes(g.team.id))
    if (!manage && !organizes) {
      if (grants.length === 0) throw forbidden('仅管理员和组织者可以查看队伍')
      throw notInScope()
    }
    return manage
  }

  /**
   * Four requests whatever the data size: the team (with its leaders' cards) and its path, periods and filed forms
   * (one aggregation), a page of its children, the caller's roles, and the focus tags covered.
   */
  async function page(caller: Caller, teamId: string): Promise<TeamPage> {
    const now = caller.now()
    const [ctx, kids, grants] = await Promise.all([
      teams.withContext(teamId, chinaDay(now)),
      teams.children(teamId, null, CHILDREN_SHOWN + 1),
      caller.roles(),
    ])
    if (!ctx) throw notFound('该队伍')
    const manage = access(grants, ctx.team)
    const period = currentPeriod(ctx.periods, now)
    const covered = period ? await activities.focusCovered(teamId, ...periodRange(period)) : []
    return buildTeamPage({
      ...ctx,
      children: kids.slice(0, CHILDREN_SHOWN),
      moreChildren: kids.length > CHILDREN_SHOWN,
      period,
      covered,
      filed: new Set(period ? ctx.filed.filter((f) => f.periodId === period._id).map((f) => f.form) : []),
      grants,
      manage,
      now,
    })
  }

  const manageable = (caller: Caller, teamId: string) => teamInScope(caller, teams, teamId)

  /**
   * Counters read first, then recounted, then each repaired only while it still holds what was read
   * (membership.repository.ts repair): a counter moved by a join or leave in between is left alone.
   */
  async function recountAll(): Promise<{ teams: number; repaired: number; filled: number }> {
    const before = await teams.all()
    const truth = await memberships.recount()
    const changes = before.flatMap((t) =>
      (t.members ?? -1) === (truth.members.get(t._id) ?? 0)
        ? []
        : [{ id: t._id, from: t.members, to: truth.members.get(t._id) ?? 0 }],
    )
    const repaired = changes.length ? await memberships.repair(changes) : 0
    await teams.fillNameKeys(before.filter((t) => t.nameKey === undefined))
    const filled = truth.lackingMemberOf ? await fillMemberOf() : 0
    return { teams: before.length, repaired, filled }
  }

  /**
   * The migration of records activated before memberOf existed: each gets the teams it counts in
   * (core/team.ts countedIn: its primary path), so every count reads memberOf alone (report.repository
   * membersOfAny). A round reads up to a page of them and fills them with one update per distinct
   * path, never one per person; filled records leave the next round's read. A round that fills
   * nothing (each changed meanwhile) ends it: the next recount sees what is left.
   */
  async function fillMemberOf(): Promise<number> {
    let filled = 0
    for (;;) {
      const lacking = await volunteers.lackingMemberOf(FILL_ROUND)
      const byPath = new Map<string, { teamPath: string[]; ids: string[] }>()
      for (const v of lacking) {
        const key = JSON.stringify(v.teamPath)
        const g = byPath.get(key) ?? { teamPath: v.teamPath, ids: [] }
        g.ids.push(v.id)
        byPath.set(key, g)
      }
      const n = await Promise.all(
        [...byPath.values()].map(({ teamPath, ids }) =>
          volunteers.fillMemberOf(ids, countedIn({ status: 'active', memberOf: undefined, teamPath })),
        ),
      )
      const round = n.reduce((a, b) => a + b, 0)
      filled += round
      if (lacking.length < FILL_ROUND || round === 0) return filled
    }
  }

  return {
    /** One level (or a search by name prefix), in pages by name key: never the whole tree. */
    async tree(data: { parentId?: string; q?: string; cursor?: string; limit?: number }): Promise<Page<TeamLevelItem>> {
      const limit = data.limit ?? DEFAULT_LIMIT
      const after = data.cursor ? decodeKeyCursor(data.cursor) : null
      const q = data.q ? nameKey(data.q) : ''
      const rows = q
        ? await teams.search(q, after, limit + 1)
        : await teams.children(data.parentId ?? null, after, limit + 1)
      const pageRows = rows.slice(0, limit)
      const last = pageRows[pageRows.length - 1]
      return {
        items: pageRows.map(levelItem),
        nextCursor:
          rows.length > limit && last
            ? encodeKeyCursor({ key: last.nameKey ?? nameKey(last.name), id: last._id })
            : null,
      }
    },

    page,

    async members(
      caller: Caller,
      data: { teamId: string; cursor?: string; limit?: number },
    ): Promise<Page<MemberItem>> {
      const limit = data.limit ?? DEFAULT_LIMIT
      const after = data.cursor ? decodeCursor(data.cursor) : null
      await manageable(caller, data.teamId)
      const rows = await memberships.memberPage(data.teamId, after, limit + 1)
      return keysetPage(
        rows,
        limit,
        (v) => v.activatedAt ?? new Date(0),
        (page) => page.map(memberItem),
      )
    },

    /** team.recount: the owner or a city administrator repairs the counters now (audited). */
    async recount(caller: Caller): Promise<{ teams: number; repaired: number; filled: number }> {
      await assertCityLevel(caller, '只有超级管理员和市支队管理员可以重新统计人数')
      const result = await recountAll()
      await records.audit({
        by: caller.openid,
        action: 'recount',
        target: 'teams',
        detail: `repaired ${result.repaired}, filled ${result.filled}`,
      })
      return result
    },

    recountAll,

    async create(caller: Caller, data: { parentId: string; name: string; kind: TeamDoc['kind'] }): Promise<TeamNode> {
      const parent = await manageable(caller, data.parentId)
      if (!CHILD_KINDS[parent.kind].includes(data.kind)) {
        throw new AppError('INVALID_INPUT', '该类型的队伍不能建在所选上级队伍之下', 'kind')
      }
      if (await teams.siblingNamed(parent._id, data.name, null))
        throw new AppError('INVALID_INPUT', '同一上级下已有同名队伍', 'name')
      const team = await teams.insert({ name: data.name, kind: data.kind, createdBy: caller.openid }, parent)
      return teamNode(team)
    },

    async rename(caller: Caller, data: { teamId: string; name: string }): Promise<TeamNode> {
      const team = await manageable(caller, data.teamId)
      if (team.parentId && (await teams.siblingNamed(team.parentId, data.name, team._id)))
        throw new AppError('INVALID_INPUT', '同一上级下已有同名队伍', 'name')
      await teams.rename(team._id, data.name)
      return teamNode({ ...team, name: data.name })
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
      await teams.setLeaders(team._id, {
        leaderOpenid: data.leaderId ? openidOf(data.leaderId) : null,
        deputyOpenids: data.deputyIds.map(openidOf),
        cards: people.map((v) => ({ ...memberItem(v), openid: v.openid })),
      })
      return page(caller, team._id)
    },
  }
}
