/** Answers `team.tree` (one level, or a search by name prefix) from a flat list of teams, as the function would. */
import type { Page, ReqOf, TeamLevelItem, TeamNode } from '../../types/api'
import type { Result } from '../../types/result'

export function levelsOf(
  teams: (TeamNode & { members?: number })[],
): (req: ReqOf<'team.tree'>) => Result<Page<TeamLevelItem>> {
  const byId = new Map(teams.map((t) => [t.id, t]))
  const pathOf = (t: TeamNode): string[] => {
    const parent = t.parentId ? byId.get(t.parentId) : undefined
    return [...(parent ? pathOf(parent) : []), t.id]
  }
  return (req) => {
    const q = req.q?.trim().toLowerCase()
    const items = teams
      .filter((t) => (q ? t.name.toLowerCase().startsWith(q) : t.parentId === (req.parentId ?? null)))
      .map((t) => ({ ...t, members: t.members ?? 0, path: pathOf(t) }))
    return { ok: true, data: { items, nextCursor: null } }
  }
}
