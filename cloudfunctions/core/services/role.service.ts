import type { PeriodView, RoleItem } from '../../../types/api'
import { adminScope, assertInScope, teamInScope, type Scope } from '../auth'
import type { Caller } from '../context'
import { AppError, forbidden, notFound } from '../errors'
import type { PeriodDoc, RoleDoc, TeamDoc } from '../models'
import type { PeriodRepository } from '../repositories/period.repository'
import type { RoleRepository } from '../repositories/role.repository'
import type { TeamRepository } from '../repositories/team.repository'
import type { VolunteerRepository } from '../repositories/volunteer.repository'

export interface RoleDeps {
  roles: RoleRepository
  teams: TeamRepository
  volunteers: VolunteerRepository
  periods: PeriodRepository
}

const isOwner = async (caller: Caller) => (await caller.roles()).some((g) => g.role === 'owner')

/**
 * Who appoints whom: the owner appoints administrators anywhere; administrators appoint
 * organizers for teams in their subtree. Revoking follows the same rule.
 */
async function mayAppoint(caller: Caller, role: RoleDoc['role'], team: TeamDoc): Promise<void> {
  if (role === 'admin' || role === 'owner') {
    if (!(await isOwner(caller))) throw forbidden('只有超级管理员可以任免管理员')
    return
  }
  assertInScope(await adminScope(caller), team.path)
}

export function periodView(p: PeriodDoc): PeriodView {
  return { id: p._id, name: p.name, start: p.start, end: p.end, deadlines: p.deadlines, targets: p.targets }
}

export function roleService({ roles, teams, volunteers, periods }: RoleDeps) {
  async function requireTeam(id: string): Promise<TeamDoc> {
    const t = await teams.get(id)
    if (!t) throw notFound('该队伍')
    return t
  }

  return {
    async list(caller: Caller, { teamId }: { teamId: string }): Promise<RoleItem[]> {
      const team = await teamInScope(caller, teams, teamId)
      const grants = await roles.inSubtree(team._id)
      const people = await volunteers.findByOpenids([...new Set(grants.map((g) => g.openid))])
      const byOpenid = new Map(people.map((v) => [v.openid, v]))
      return grants.map((g) => ({
        id: g._id,
        role: g.role,
        team: g.team,
        volunteerId: byOpenid.get(g.openid)?._id ?? null,
        name: byOpenid.get(g.openid)?.name ?? '（未注册用户）',
      }))
    },

    async grant(
      caller: Caller,
      data: { volunteerId: string; role: 'admin' | 'organizer'; teamId: string },
    ): Promise<RoleItem> {
      const [team, [person]] = await Promise.all([requireTeam(data.teamId), volunteers.findByIds([data.volunteerId])])
      await mayAppoint(caller, data.role, team)
      if (!person) throw new AppError('INVALID_INPUT', '找不到该志愿者', 'volunteerId')
      // An organizer is "a volunteer granted it for one team": only an activated one; and a grant
      // holds only while its holder is active (auth.ts grantsHeld), so the same goes for administrators.
      if (person.status !== 'active') {
        throw new AppError(
          'INVALID_INPUT',
          data.role === 'organizer' ? '组织者须为已激活的志愿者' : '管理员须为已激活的志愿者',
          'volunteerId',
        )
      }
      const r = await roles.grant({
        openid: person.openid,
        role: data.role,
        teamId: team._id,
        team: { id: team._id, name: team.name, kind: team.kind },
        teamPath: team.path,
        grantedBy: caller.openid,
      })
      return { id: r._id, role: r.role, team: r.team, volunteerId: person._id, name: person.name }
    },

    async revoke(caller: Caller, { roleId }: { roleId: string }): Promise<{ roleId: string }> {
      const r = await roles.get(roleId)
      if (!r) throw notFound('该任命')
      await mayAppoint(caller, r.role, { path: r.teamPath } as TeamDoc)
      await roles.revoke(r._id)
      return { roleId }
    },

    async periods(caller: Caller): Promise<PeriodView[]> {
      await adminScope(caller)
      return (await periods.all()).map(periodView)
    },

    /** Reporting periods are the city's to set: the owner or an administrator of the root team. */
    async savePeriod(caller: Caller, data: Omit<PeriodView, 'id'> & { id?: string }): Promise<PeriodView> {
      const scope: Scope = await adminScope(caller)
      if (scope !== 'all') {
        const roots = (await teams.byIds(scope)).filter((t) => t.parentId === null)
        if (roots.length === 0) throw forbidden('只有市支队管理员可以设置报送周期')
      }
      const keys = data.deadlines.map((d) => d.key)
      if (new Set(keys).size !== keys.length) throw new AppError('INVALID_INPUT', '截止事项编号重复', 'deadlines')
      const doc: PeriodDoc = { ...data, _id: data.id ?? `period-${data.start}` }
      delete (doc as { id?: string }).id
      await periods.save(doc)
      return periodView(doc)
    },
  }
}
