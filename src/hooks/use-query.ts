import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ActionName, ReqOf, ResOf } from '../../types/api'
import type { Err } from '../../types/result'
import { call } from '../services/client'

export interface QueryState<T> {
  /** True until the first answer arrives, and again while retrying after a failed first load. */
  loading: boolean
  /** True while reloading over data already shown. */
  refreshing: boolean
  data: T | undefined
  /** The latest failure; cleared by the next success. Data from an earlier success stays. */
  error: Err | undefined
  reload: () => Promise<void>
}

/**
 * Loads `action` when the page mounts and again whenever the page comes back into view (another
 * page or tab may have changed what it shows). Answers that arrive after a newer request are dropped.
 */
export function useQuery<A extends ActionName>(action: A, data: ReqOf<A>): QueryState<ResOf<A>> {
  // Callers pass object literals; the serialized payload is the identity that matters.
  const key = JSON.stringify(data)
  const [state, setState] = useState<Omit<QueryState<ResOf<A>>, 'reload'>>({
    loading: true,
    refreshing: false,
    data: undefined,
    error: undefined,
  })
  const latest = useRef(0)

  const reload = useCallback(async () => {
    const id = ++latest.current
    setState((s) => ({ ...s, loading: s.data === undefined, refreshing: s.data !== undefined }))
    const r = await call(action, JSON.parse(key) as ReqOf<A>)
    if (id !== latest.current) return
    setState((s) =>
      r.ok
        ? { loading: false, refreshing: false, data: r.data, error: undefined }
        : { ...s, loading: false, refreshing: false, error: r },
    )
  }, [action, key])

  useEffect(() => {
    void reload()
  }, [reload])

  useReloadOnReturn(reload)

  return { ...state, reload }
}

/** Calls `reload` when the page is shown again after being hidden; the first show is the mount. */
export function useReloadOnReturn(reload: () => unknown) {
  const hidden = useRef(false)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    void reload()
  })
}
