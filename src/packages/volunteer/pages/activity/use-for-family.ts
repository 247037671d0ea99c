import Taro from '@tarojs/taro'
import { useState } from 'react'
import { VolunteerStatus } from '../../../../../types/enums'
import type { ElderView } from '../../../../../types/api'
import { useQuery } from '../../../../hooks/use-query'
import { useSubmit } from '../../../../hooks/use-submit'
import { appUrl } from '../../../../routes'

export interface FamilyRow {
  id: string
  name: string
  /** Why they cannot be signed up now, or null when they can. */
  note: string | null
  /** Their live sign-up for this activity made by the caller, if any. */
  ticketId: string | null
  canShowCode: boolean
}

/** Each person the caller registered, as this activity's 为家人报名 choice shows them. */
export function toFamilyRows(elders: ElderView[], activityId: string): FamilyRow[] {
  return elders.map((e) => {
    const t = e.tickets.find((x) => x.activity.id === activityId)
    const note = t
      ? `已为其报名（${t.status === 'waitlisted' ? '候补中' : t.status === 'confirmed' ? '报名成功' : '已登记无法参加'}）`
      : e.status === 'active'
        ? null
        : `${VolunteerStatus.map[e.status]}：${e.status === 'approved' || e.status === 'pending' ? '本人认领并激活后才能报名' : '不能报名'}`
    return { id: e.volunteerId, name: e.nameMasked, note, ticketId: t?.id ?? null, canShowCode: Boolean(t?.token) }
  })
}

/** The consent the helper confirms on the screen; the server stores it with the full name. */
export const familyConsentText = (name: string, title: string) =>
  `我已向${name}本人说明本次活动「${title}」的时间、地点和内容，${name}本人同意由我代为报名。`

/** 为家人报名 on an activity: only for someone who registered a family member (代为注册). */
export function useForFamily(activityId: string, onDone: () => Promise<unknown>) {
  const q = useQuery('activity.elders', {})
  const { busy, error, setError, submit } = useSubmit()
  const [chosen, setChosen] = useState<string | null>(null)
  const [consent, setConsent] = useState(false)
  const [consentError, setConsentError] = useState<string | undefined>()

  const rows = q.data ? toFamilyRows(q.data.elders, activityId) : []

  function choose(id: string | null) {
    setChosen(id)
    setConsent(false)
    setConsentError(undefined)
    setError(undefined)
  }

  async function send() {
    if (!chosen || busy) return
    if (!consent) {
      setConsentError('请先确认家人本人已同意报名')
      return
    }
    const r = await submit('activity.signUpFor', { activityId, volunteerId: chosen, consent: true })
    if (!r?.ok) return
    void Taro.showToast({ title: r.data.status === 'waitlisted' ? '已进入候补' : '报名成功', icon: 'success' })
    choose(null)
    await Promise.all([q.reload(), onDone()])
  }

  return {
    loading: q.loading,
    error: q.error,
    reload: q.reload,
    rows,
    chosen: rows.find((r) => r.id === chosen) ?? null,
    choose,
    consent,
    toggleConsent: () => {
      setConsent(!consent)
      setConsentError(undefined)
    },
    consentError,
    busy,
    actionError: error?.message,
    send: () => void send(),
    showTicket: (ticketId: string) => void Taro.navigateTo({ url: appUrl.elderTicket(ticketId) }),
  }
}
