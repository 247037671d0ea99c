import { useCallback, useEffect, useRef, useState } from 'react'
import type { ActionName, Page, ReqOf, ResOf } from '../../types/api'
import type { Err } from '../../types/result'
import { call } from '../services/client'
import { useReloadOnReturn } from './use-query'

/** Actions that answer a Page and accept a cursor. */
export type PagedAction = {
  [A in ActionName]: ResOf<A> extends Page<unknown> ? (ReqOf<A> extends { cursor?: string } ? A : never) : never
}[ActionName]
export type ItemOf<A extends PagedAction> = ResOf<A> extends Page<infer T> ? T : never

export interface PagedState<T> {
  items: T[]
  /** True until the first page arrives (and while retrying a failed first page). */
  loading: boolean
  /** True while the first page is reloaded over items already shown (pull-down). */
  refreshing: boolean
  loadingMore: boolean
  hasMore: boolean
  /** Failure of the first page. */
  error: Err | undefined
  /** Failure of a later page; the items already shown stay. */
  moreError: Err | undefined
  /** Loads the first page again and replaces the list. */
  refresh: () => Promise<void>
  /** Loads the next page, if there is one and none is loading. */
  loadMore: () => Promise<void>
}

interface Inner<T> {
  items: T[]
  loading: boolean
  refreshing: boolean
  loadingMore: boolean
  error: Err | undefined
  moreError: Err | undefined
}

/**
 * A cursor-paged list of `action`. The cursor is opaque: whatever `nextCursor` the last page gave is
 * passed back as `cursor` for the next one, never computed here.
 */
export function usePagedQuery<A extends PagedAction>(action: A, data: Omit<ReqOf<A>, 'cursor'>): PagedState<ItemOf<A>> {
  const key = JSON.stringify(data)
  const [state, setState] = useState<Inner<ItemOf<A>>>({
    items: [],
    loading: true,
    refreshing: false,
    loadingMore: false,
    error: undefined,
    moreError: undefined,
  })
  const [hasMore, setHasMore] = useState(false)
  // Refs, not state: two reach-bottom events in one frame must not load the same page twice.
  const cursor = useRef<string | null>(null)
  const generation = useRef(0)
  const moreInFlight = useRef(false)
  const shown = useRef(false)

  const fetchPage = useCallback(
    (after: string | null) => {
      const req = { ...(JSON.parse(key) as object), ...(after ? { cursor: after } : {}) } as ReqOf<A>
      return call(action, req) as Promise<{ ok: true; data: Page<ItemOf<A>> } | Err>
    },
    [action, key],
  )

  const refresh = useCallback(async () => {
    const gen = ++generation.current
    moreInFlight.current = false
    setState((s) => ({
      ...s,
      loading: !shown.current,
      refreshing: shown.current,
      loadingMore: false,
      moreError: undefined,
    }))
    const r = await fetchPage(null)
    if (gen !== generation.current) return
    if (!r.ok) {
      setState((s) => ({ ...s, loading: false, refreshing: false, error: r }))
      return
    }
    shown.current = true
    cursor.current = r.data.nextCursor
    setHasMore(r.data.nextCursor !== null)
    setState({
      items: r.data.items,
      loading: false,
      refreshing: false,
      loadingMore: false,
      error: undefined,
      moreError: undefined,
    })
  }, [fetchPage])

  const loadMore = useCallback(async () => {
    const after = cursor.current
    if (!after || moreInFlight.current) return
    moreInFlight.current = true
    const gen = generation.current
    setState((s) => ({ ...s, loadingMore: true, moreError: undefined }))
    const r = await fetchPage(after)
    // A refresh in the meantime started the list over; this page belongs to the old one.
    if (gen !== generation.current) return
    moreInFlight.current = false
    if (!r.ok) {
      setState((s) => ({ ...s, loadingMore: false, moreError: r }))
      return
    }
    cursor.current = r.data.nextCursor
    setHasMore(r.data.nextCursor !== null)
    setState((s) => ({ ...s, items: [...s.items, ...r.data.items], loadingMore: false }))
  }, [fetchPage])

  useEffect(() => {
    void refresh()
  }, [refresh])

  useReloadOnReturn(refresh)

  return { ...state, hasMore, refresh, loadMore }
}
