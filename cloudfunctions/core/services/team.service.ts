import type { TeamNode } from '../../../types/api'
import type { TeamRepository } from '../repositories/team.repository'

export function teamService(teams: TeamRepository) {
  return {
    /** The tree flattened depth-first, siblings by name, for pickers and team pages. */
    async tree(): Promise<TeamNode[]> {
      const all = await teams.all()
      const children = new Map<string | null, typeof all>()
      for (const t of all) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t])
      const out: TeamNode[] = []
      const walk = (parentId: string | null, depth: number) => {
        const kids = (children.get(parentId) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
        for (const t of kids) {
          out.push({ id: t._id, name: t.name, kind: t.kind, parentId: t.parentId, depth })
          walk(t._id, depth + 1)
        }
      }
      walk(null, 0)
      return out
    },
  }
}
