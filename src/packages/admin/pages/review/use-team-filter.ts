import type { RoleGrant, TeamNode } from '../../../../../types/api'
import { useEffect, useState } from 'react'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/client'

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

/**
 * The levels the filter offers, one request per level: the administrator's teams (the owner's: the
 * top of the tree) and the teams directly below each. A failed load offers no filter; the queue
 * still shows everything in scope.
 */
async function loadLevels(roles: RoleGrant[]): Promise<TeamNode[]> {
  const owner = roles.some((g) => g.role === 'owner')
  let roots: TeamNode[]
  if (owner) {
    const top = await call('team.tree', {})
    roots = top.ok ? top.data.items : []
  } else
    roots = roles
      .filter((g) => g.role === 'admin')
      .map((g) => ({ id: g.team.id, name: g.team.name, kind: g.team.kind, parentId: null, depth: 0 }))
  const below = await Promise.all(roots.map((r) => call('team.tree', { parentId: r.id, limit: 50 })))
  return [...roots, ...below.flatMap((r) => (r.ok ? r.data.items : []))]
}

export function useTeamFilter(): TeamOption[] {
  const me = useQuery('volunteer.me', {})
  const roles = me.data?.roles
  const [tree, setTree] = useState<TeamNode[] | null>(null)
  const key = JSON.stringify(roles ?? null)
  useEffect(() => {
    if (!roles) return
    let live = true
    void loadLevels(roles).then((t) => {
      if (live) setTree(t)
    })
    return () => {
      live = false
    }
    // The roles' content is the identity that matters, not the array's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return roles && tree ? filterOptions(roles, tree) : []
}
