import type { RoleGrant } from '../../types/api'
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

/**
 * Grants are suspended while their holder is not an active member: after 退出, and while an
 * identity change of an activated volunteer is back in review (until they activate again).
 * Administrators appointed without a volunteer record of their own keep their grants.
 */
export function grantsHeld(
  grants: RoleGrant[],
  holder: { status: string; activatedAt: Date | null } | null,
): RoleGrant[] {
  if (!holder) return grants
  const suspended = holder.status === 'left' || (holder.status !== 'active' && holder.activatedAt !== null)
  return suspended ? [] : grants
}
