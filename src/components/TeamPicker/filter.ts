import type { TeamNode } from '../../../types/api'

export interface TeamRow extends TeamNode {
  /** Shown only to place a match in the tree; it does not itself match the search. */
  context: boolean
}

/**
 * The teams whose name contains `query`, with their ancestors kept (marked `context`) so the
 * indentation still shows where each match sits. An empty query keeps the whole tree. The input is
 * the flattened tree of `team.tree`, parents before children, and the order is kept.
 */
export function filterTeams(teams: TeamNode[], query: string): TeamRow[] {
  const q = query.trim().toLowerCase()
  if (!q) return teams.map((t) => ({ ...t, context: false }))
  const byId = new Map(teams.map((t) => [t.id, t]))
  const matched = new Set(teams.filter((t) => t.name.toLowerCase().includes(q)).map((t) => t.id))
  const shown = new Set<string>()
  for (const id of matched) {
    for (let t = byId.get(id); t && !shown.has(t.id); t = t.parentId ? byId.get(t.parentId) : undefined) shown.add(t.id)
  }
  return teams.filter((t) => shown.has(t.id)).map((t) => ({ ...t, context: !matched.has(t.id) }))
}
