import { useCallback, useEffect, useRef, useState } from 'react'
import type { TeamLevelItem } from '../../../types/api'
import { call } from '../../services/client'

export const LEVEL_PAGE = 20

/** One level of the tree as loaded so far (or the results of a search). */
export interface Level {
  /** The team whose children these are; null for the top (the roots, or the picker's own team). */
  parent: { id: string; name: string } | null
  items: TeamLevelItem[]
  cursor: string | null
  loading: boolean
  error?: string
}

const fresh = (parent: Level['parent']): Level => ({ parent, items: [], cursor: null, loading: true })

/**
 * Browsing the tree a level at a time, with a search by name on the server: the levels opened stay
 * loaded, so going back shows them as they were. `rootId` keeps browsing and results inside that
 * team's subtree (its children are the top level).
 */
export function useTeamLevels(rootId?: string) {
  const [stack, setStack] = useState<Level[]>([fresh(null)])
  const [found, setFound] = useState<(Level & { q: string }) | null>(null)
  const latestSearch = useRef(0)

  /** Loads a page of `parentId`'s children (or of the search `q`) and hands it to `apply`. */
  const load = useCallback(
    async (req: { parentId?: string; q?: string; cursor?: string }, apply: (f: (l: Level) => Level) => void) => {
      apply((l) => ({ ...l, loading: true, error: undefined }))
      // Absent fields stay absent (the top level has no parentId).
      const data = Object.fromEntries(Object.entries(req).filter(([, v]) => v !== undefined))
      const r = await call('team.tree', { ...data, limit: LEVEL_PAGE })
      apply((l) =>
        r.ok
          ? {
              ...l,
              loading: false,
              // A search anywhere in the tree, narrowed to the picker's subtree.
              items: [...l.items, ...r.data.items.filter((t) => !rootId || !req.q || t.path.includes(rootId))],
              cursor: r.data.nextCursor,
            }
          : { ...l, loading: false, error: r.message },
      )
    },
    [rootId],
  )

  const applyTop = useCallback(
    (depth: number) => (f: (l: Level) => Level) =>
      setStack((s) => (s.length > depth ? s.map((l, i) => (i === depth ? f(l) : l)) : s)),
    [],
  )

  useEffect(() => {
    setStack([fresh(null)])
    void load({ parentId: rootId }, applyTop(0))
  }, [rootId, load, applyTop])

  const top = stack[stack.length - 1]
  return {
    stack,
    top,
    found,
    open(team: { id: string; name: string }) {
      const depth = stack.length
      setStack((s) => [...s, fresh(team)])
      void load({ parentId: team.id }, applyTop(depth))
    },
    /** Back to level `depth` (0: the top); the levels above it are dropped, those below kept as shown. */
    backTo(depth: number) {
      setStack((s) => s.slice(0, depth + 1))
    },
    more() {
      if (found) {
        if (found.cursor)
          void load({ q: found.q, cursor: found.cursor }, (f) => setFound((s) => s && { ...f(s), q: s.q }))
        return
      }
      const depth = stack.length - 1
      if (top.cursor) void load({ parentId: top.parent?.id ?? rootId, cursor: top.cursor }, applyTop(depth))
    },
    retry() {
      if (found) {
        setFound({ ...fresh(null), q: found.q })
        void load({ q: found.q }, (f) => setFound((s) => s && { ...f(s), q: s.q }))
        return
      }
      const depth = stack.length - 1
      setStack((s) => s.map((l, i) => (i === depth ? fresh(l.parent) : l)))
      void load({ parentId: top.parent?.id ?? rootId }, applyTop(depth))
    },
    search(q: string) {
      const text = q.trim()
      if (!text) {
        setFound(null)
        return
      }
      const id = ++latestSearch.current
      setFound({ ...fresh(null), q: text })
      void load({ q: text }, (f) => {
        if (id === latestSearch.current) setFound((s) => s && { ...f(s), q: s.q })
      })
    },
    clearSearch: () => setFound(null),
  }
}
