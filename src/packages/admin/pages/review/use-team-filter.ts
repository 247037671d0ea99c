import type { RoleGrant, TeamNode } from '../../../../../types/api'
import { useQuery } from '../../../../hooks/use-query'

export interface TeamOption {
  id: string
  name: string
}

/**
 * The teams an administrator can narrow the queue to: each team they administer and the teams
 * directly below it (the owner: the city's county teams, societies and service groups). Deeper teams
 * are inside these; the queue of a team includes its subtree.
 */
export function filterOptions(roles: RoleGrant[], tree: TeamNode[]): TeamOption[] {
  const owner = roles.some((g) => g.role === 'owner')
  const roots = owner
    ? tree.filter((t) => t.parentId === null).map((t) => t.id)
    : roles.filter((g) => g.role === 'admin').map((g) => g.team.id)
  const picked: TeamOption[] = []
  const seen = new Set<string>()
  const add = (t: TeamNode) => {
    if (seen.has(t.id)) return
    seen.add(t.id)
    picked.push({ id: t.id, name: t.name })
  }
  for (const root of roots) {
    const team = tree.find((t) => t.id === root)
    // The owner's root is the whole city: its children are the useful filters.
    if (team && !owner) add(team)
    for (const child of tree.filter((t) => t.parentId === root)) add(child)
  }
  // A single team with nothing below it is the whole queue already.
  return picked.length > 1 ? picked : []
}

export function useTeamFilter(): TeamOption[] {
  const me = useQuery('volunteer.me', {})
  const tree = useQuery('team.tree', {})
  return me.data && tree.data ? filterOptions(me.data.roles, tree.data) : []
}
