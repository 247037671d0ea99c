import type { RoleGrant } from '../../types/api'
import { config } from './config'
import type { Caller } from './context'
import { forbidden, notFound, notInScope } from './errors'
import type { TeamDoc } from './models'

/** The teams whose subtrees the caller administers, or 'all' for an owner. */
export type Scope = 'all' | string[]

export async function adminScope(caller: Caller): Promise<Scope> {
  const grants = await caller.roles()
  if (grants.some((g) => g.role === 'owner')) return 'all'
  const teams = grants.filter((g) => g.role === 'admin').map((g) => g.team.id)
  if (teams.length === 0) throw forbidden('仅管理员可以执行此操作')
  return teams
}

/** A record belongs to a scope when one of its team's ancestors (or the team) is administered. */
export function inScope(scope: Scope, teamPath: string[]): boolean {
  return scope === 'all' || teamPath.some((id) => scope.includes(id))
}

export function assertInScope(scope: Scope, teamPath: string[]): void {
  if (!inScope(scope, teamPath)) throw notInScope()
}

/**
 * Grants hold only while their holder is an active member: they are suspended after 退出, while an
 * identity change is back in review, and until a returning volunteer is activated again.
 * Staff configured without a volunteer record of their own (the seeded administrators) keep theirs.
 */
export function grantsHeld(grants: RoleGrant[], holder: { status: string } | null): RoleGrant[] {
  return !holder || holder.status === 'active' ? grants : []
}

/** The owners of the whole tree come from configuration, so the first administrator needs no database write. */
const OWNER_GRANT: RoleGrant = { role: 'owner', team: { id: '*', name: '全部队伍', kind: 'city' } }

/** The roles a person holds: their grants while their registration lets them (above), and owner by configuration. */
export function rolesHeld(openid: string, grants: RoleGrant[], holder: { status: string } | null): RoleGrant[] {
  const held = grantsHeld(grants, holder)
  return config.ownerOpenids().includes(openid) ? [OWNER_GRANT, ...held] : held
}

/** Loads a team and checks that the caller administers it (the owner, or an admin of an ancestor). */
export async function teamInScope(
  caller: Caller,
  teams: { get(id: string): Promise<TeamDoc | null> },
  teamId: string,
): Promise<TeamDoc> {
  const [scope, team] = await Promise.all([adminScope(caller), teams.get(teamId)])
  if (!team) throw notFound('该队伍')
  assertInScope(scope, team.path)
  return team
}

/** The teams whose activities the caller may publish and run: as organizer or administrator, or all for an owner. */
export async function organizerScope(caller: Caller): Promise<Scope> {
  const grants = await caller.roles()
  if (grants.some((g) => g.role === 'owner')) return 'all'
  const teams = grants.filter((g) => g.role === 'admin' || g.role === 'organizer').map((g) => g.team.id)
  if (teams.length === 0) throw forbidden('仅组织者或管理员可以发布和管理活动')
  return teams
}

/** The owner and administrators of the city detachment (a root team): who reads the audit log, who recounts. */
export async function assertCityLevel(
  caller: Caller,
  refusal = '只有超级管理员和市支队管理员可以查看审计日志',
): Promise<void> {
  const grants = await caller.roles()
  const ok = grants.some((g) => g.role === 'owner' || (g.role === 'admin' && g.team.kind === 'city'))
  if (!ok) throw forbidden(refusal)
}
