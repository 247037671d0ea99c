import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import type { MyTicket } from '../../../../../types/api'
import { activitySchemas } from '../../../../../types/schemas/activity'
import { validate } from '../../../../../types/schemas'
import { useQuery } from '../../../../hooks/use-query'
import { useSubmit } from '../../../../hooks/use-submit'
import { appUrl } from '../../../../routes'
import { location } from '../../../../services/location'
import { requestSubscribe } from '../../../../services/subscribe'
import { overlapQuestion, signUpState, toDetailView } from './detail'
import { DANGER } from '../../../../styles/colors'

const CANCEL_CONFIRM = {
  title: '取消报名',
  content: '取消后名额会让给候补的志愿者。确定取消报名吗？',
  confirmText: '取消报名',
  confirmColor: DANGER,
  cancelText: '不取消',
}

/** The activity `activityId`, the caller, and what they can do about it. */
export function useActivityDetail(activityId: string) {
  const detail = useQuery('activity.detail', { activityId })
  const me = useQuery('volunteer.me', {})
  const { busy, error, setError, submit } = useSubmit()
  /** The answer of this visit's sign-up, shown until the page is left. */
  const [result, setResult] = useState<MyTicket | null>(null)
  const [absentOpen, setAbsentOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | undefined>()

  const d = detail.data
  const view = d ? toDetailView(d) : undefined
  const button = d && me.data ? signUpState(d, me.data, new Date()) : undefined

  useShareAppMessage(() => ({ title: d?.title ?? '科普益阳 志愿服务活动', path: appUrl.activity(activityId) }))

  async function signUp(asked: Promise<unknown>) {
    // The subscription prompt never blocks: whatever the user answered, the sign-up goes on.
    await asked
    const r = await submit('activity.signUp', { activityId })
    if (!r) return
    if (!r.ok) {
      void Taro.showToast({ title: r.message, icon: 'none', duration: 3000 })
      void detail.reload()
      return
    }
    setResult(r.data)
    void Taro.showToast({ title: r.data.status === 'waitlisted' ? '已进入候补' : '报名成功', icon: 'success' })
    await detail.reload()
  }

  async function confirmOverlap(question: string, templateIds: string[]) {
    const { confirm } = await Taro.showModal({
      title: '时间重叠',
      content: question,
      confirmText: '仍要报名',
      cancelText: '不报名',
    })
    if (!confirm) return
    // The modal's confirm is itself a tap, so WeChat still shows the subscription prompt here.
    await signUp(requestSubscribe(templateIds))
  }

  async function cancel(ticketId: string) {
    const { confirm } = await Taro.showModal(CANCEL_CONFIRM)
    if (!confirm) return
    const r = await submit('activity.cancelSignup', { ticketId })
    if (!r?.ok) return
    setResult(null)
    void Taro.showToast({ title: '已取消报名', icon: 'success' })
    await detail.reload()
  }

  /** The main button's tap. Sign-up asks for the subscription before anything is awaited. */
  function act() {
    if (!d || !button || !button.enabled || busy) return
    setError(undefined)
    switch (button.kind) {
      case 'signup':
      case 'waitlist': {
        const question = overlapQuestion(d)
        if (question) void confirmOverlap(question, d.subscribeTemplateIds)
        else void signUp(requestSubscribe(d.subscribeTemplateIds))
        return
      }
      case 'cancel':
        if (d.mine) void cancel(d.mine.id)
        return
      case 'absent':
        setAbsentOpen(true)
        return
      case 'activate':
        void Taro.switchTab({ url: appUrl.me() })
        return
    }
  }

  async function sendAbsent() {
    if (!d?.mine || busy) return
    const checked = validate(activitySchemas['activity.absent'], { ticketId: d.mine.id, reason })
    if (!checked.ok) {
      setReasonError(checked.message)
      return
    }
    setReasonError(undefined)
    const r = await submit('activity.absent', checked.value)
    if (!r?.ok) return
    setAbsentOpen(false)
    setReason('')
    void Taro.showToast({ title: '已告知组织者', icon: 'success' })
    await detail.reload()
  }

  return {
    loading: detail.loading || me.loading,
    error: detail.error ?? me.error,
    reload: () => Promise.all([detail.reload(), me.reload()]),
    view,
    button,
    busy,
    /** The server's refusal of the last action, in its own words. */
    actionError: error?.message,
    result,
    act,
    absent: {
      open: absentOpen,
      reason,
      error: reasonError,
      setReason: (v: string) => {
        setReason(v)
        setReasonError(undefined)
      },
      close: () => setAbsentOpen(false),
      send: sendAbsent,
    },
    showMap: location.available && d?.location ? () => location.open(d.location!, d.title, d.address) : undefined,
    call: () => d && Taro.makePhoneCall({ phoneNumber: d.contact.phone.replace('-', '') }),
    showTicket: (ticketId: string) => Taro.navigateTo({ url: appUrl.ticket(ticketId) }),
    /** 为家人报名 is offered while the activity takes sign-ups (the server decides again). */
    familyOpen: d ? d.status === 'open' && new Date() <= new Date(d.signupDeadline) : false,
    reloadDetail: detail.reload,
  }
}
