import type { Caller } from './context'
import { forbidden, notInScope } from './errors'

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

/** The teams whose activities the caller may publish and run: as organizer or administrator, or all for an owner. */
export async function organizerScope(caller: Caller): Promise<Scope> {
  const grants = await caller.roles()
  if (grants.some((g) => g.role === 'owner')) return 'all'
  const teams = grants.filter((g) => g.role === 'admin' || g.role === 'organizer').map((g) => g.team.id)
  if (teams.length === 0) throw forbidden('仅组织者或管理员可以发布和管理活动')
  return teams
}
