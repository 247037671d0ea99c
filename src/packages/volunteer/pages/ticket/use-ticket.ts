import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { MyTicket } from '../../../../../types/api'
import { ErrorCode, type Err } from '../../../../../types/result'
import { call } from '../../../../services/client'
import { holdBrightScreen, type Release } from '../../../../services/screen'
import { loadFamily, loadTickets, saveFamily, saveTickets } from '../../../../services/ticket-store'

/** Upcoming tickets fit one page: nobody signs up for more than this many activities ahead. */
const UPCOMING_LIMIT = 50

export interface TicketState {
  loading: boolean
  ticket: MyTicket | undefined
  /** Shown from the copy kept on the phone because the network is down. */
  offline: boolean
  /** Neither the cloud nor the phone had it. */
  missing: boolean
  error: Err | undefined
}

/**
 * The ticket `ticketId` from the caller's upcoming tickets. Every answer is kept on the phone, and
 * when the call fails for want of a network the kept copy is shown instead: a village venue often
 * has no signal, and the code is signed, so an organizer can check it offline.
 */
export function useTicket(ticketId: string, forElder = false) {
  const [state, setState] = useState<TicketState>({
    loading: true,
    ticket: undefined,
    offline: false,
    missing: false,
    error: undefined,
  })

  const load = useCallback(async () => {
    setState((s) => ({ ...s, loading: s.ticket === undefined, error: undefined }))
    // 代为报名: a family member's ticket, from the sign-ups the caller made, kept apart from the
    // caller's own tickets; either list is kept on the phone with every answer.
    const r = forElder
      ? await call('activity.elders', {})
      : await call('activity.mine', { tab: 'upcoming', limit: UPCOMING_LIMIT })
    const find = (list: MyTicket[]) => list.find((x) => x.id === ticketId)
    const kept = async () => find(forElder ? (await loadFamily()).flatMap((e) => e.tickets) : await loadTickets())
    if (r.ok) {
      let fresh: MyTicket[]
      if ('elders' in r.data) {
        await saveFamily(r.data.elders)
        fresh = r.data.elders.flatMap((e) => e.tickets)
      } else {
        await saveTickets(r.data.items)
        fresh = r.data.items
      }
      const t = find(fresh) ?? (forElder ? undefined : await kept())
      setState({ loading: false, ticket: t, offline: false, missing: !t, error: undefined })
      return
    }
    if (r.code === ErrorCode.NETWORK) {
      const t = await kept()
      if (t) {
        setState({ loading: false, ticket: t, offline: true, missing: false, error: undefined })
        return
      }
    }
    setState((s) => ({ ...s, loading: false, error: r }))
  }, [ticketId, forElder])

  useEffect(() => {
    void load()
  }, [load])

  // Full brightness and no sleep while the code is on screen; put back on leaving the page.
  const release = useRef<Release | null>(null)
  const shown = state.ticket?.token != null
  const hold = useCallback(async () => {
    if (release.current) return
    const r = await holdBrightScreen()
    if (release.current) r()
    else release.current = r
  }, [])
  const letGo = useCallback(() => {
    release.current?.()
    release.current = null
  }, [])
  useEffect(() => {
    if (!shown) return
    void hold()
    return letGo
  }, [shown, hold, letGo])
  useDidShow(() => {
    if (shown) void hold()
  })
  useDidHide(letGo)

  return { ...state, reload: load }
}
