import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ReviewDetail, ReviewEvent } from '../../../../../types/api'
import { ActivityType, AvailabilitySlot, Gender, SourceCategory, VolunteerStatus } from '../../../../../types/enums'
import { rejectReasonSchema } from '../../../../../types/registration'
import type { Err } from '../../../../../types/result'
import { validate } from '../../../../../types/schemas'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/client'
import { formatDateTime } from '../../../../utils/datetime'
import { DANGER } from '../../../../styles/colors'

export type PiiField = 'idNumber' | 'mobile'
type Busy = 'approve' | 'reject' | 'reissue' | 'void' | PiiField

const EVENT_LABEL: Record<ReviewEvent['action'], string> = {
  submitted: '提交注册',
  approved: '审核通过',
  rejected: '审核未通过',
  code_reissued: '重新发放激活码',
  voided: '作废',
}

const labelsOf = <T extends string>(map: Record<T, string>, values: T[]) => values.map((x) => map[x]).join('、')

/** The registration as rows of label and value, in the order of the form. */
export function profileRows(d: ReviewDetail) {
  const p = d.profile
  const skills = [labelsOf(ActivityType.map, p.skills), p.skillsOther].filter(Boolean).join('；')
  const time = [labelsOf(AvailabilitySlot.map, p.availability.slots), p.availability.note].filter(Boolean).join('；')
  return [
    { label: '性别', value: Gender.map[p.gender] },
    { label: '出生年份', value: `${p.birthYear} 年` },
    { label: '单位', value: p.employer },
    { label: '职务/职称', value: p.position },
    { label: '服务技能', value: skills || '未填写' },
    { label: '专业特长', value: p.specialty || '未填写' },
    { label: '服务时间', value: time || '未填写' },
    { label: '志愿者来源', value: SourceCategory.map[p.source] },
    { label: '所属队伍', value: d.team.name },
    { label: '提交时间', value: formatDateTime(d.submittedAt) },
  ]
}

export const historyRows = (d: ReviewDetail) =>
  d.history.map((h, i) => ({
    key: `${h.at}-${i}`,
    title: EVENT_LABEL[h.action],
    reason: h.reason,
    at: formatDateTime(h.at),
  }))

export function useReviewDetail() {
  const volunteerId = useRouter().params.volunteerId ?? ''
  const q = useQuery('admin.reviewDetail', { volunteerId })
  const [revealed, setRevealed] = useState<Partial<Record<PiiField, string>>>({})
  const [busy, setBusy] = useState<Busy | null>(null)
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | undefined>()
  const [actionError, setActionError] = useState<string | undefined>()
  const [done, setDone] = useState<string | undefined>()
  const [voiding, setVoiding] = useState(false)
  const [voidReason, setVoidReason] = useState('')
  const [voidError, setVoidError] = useState<string | undefined>()

  /** CONFLICT: another admin got there first; say so and show what they did. */
  async function failed(r: Err) {
    if (r.code === 'CONFLICT') {
      await Taro.showModal({
        title: '已被其他管理员处理',
        content: `${r.message}。已为你刷新为最新状态。`,
        showCancel: false,
        confirmText: '知道了',
      })
      setRejecting(false)
      await q.reload()
      return
    }
    setActionError(r.message)
  }

  /** Runs one decision; on success says what happened and shows the new state. */
  async function run<T>(
    kind: Busy,
    action: () => Promise<{ ok: true; data: T } | Err>,
    success: string | ((data: T) => string),
  ): Promise<boolean> {
    setBusy(kind)
    setActionError(undefined)
    setDone(undefined)
    const r = await action()
    setBusy(null)
    if (!r.ok) {
      await failed(r)
      return false
    }
    // The new state first, then the sentence about it, so the two never disagree on screen.
    await q.reload()
    setDone(typeof success === 'string' ? success : success(r.data))
    return true
  }

  async function reveal(field: PiiField) {
    if (busy) return
    setBusy(field)
    setActionError(undefined)
    const r = await call('admin.reveal', { volunteerId, field })
    setBusy(null)
    if (r.ok) setRevealed((x) => ({ ...x, [field]: r.data.value }))
    else await failed(r)
  }

  async function approve() {
    if (busy) return
    const { confirm } = await Taro.showModal({
      title: '通过注册',
      content: '确认通过该注册？系统会向志愿者发送 6 位激活码。',
      confirmText: '通过',
    })
    if (!confirm) return
    await run(
      'approve',
      () => call('admin.approve', { items: [{ volunteerId, revision: q.data?.revision ?? 0 }] }),
      '已通过。激活码已通过微信消息发送给志愿者。',
    )
  }

  async function reject() {
    if (busy) return
    const checked = validate(rejectReasonSchema, reason)
    if (!checked.ok) {
      setReasonError(checked.message)
      return
    }
    setReasonError(undefined)
    const ok = await run(
      'reject',
      () => call('admin.reject', { volunteerId, revision: q.data?.revision ?? 0, reason: checked.value }),
      '已退回，原因已通知志愿者。',
    )
    if (!ok) return
    setRejecting(false)
    setReason('')
  }

  async function reissue() {
    if (busy) return
    const { confirm } = await Taro.showModal({
      title: '重新发放激活码',
      content:
        '重新发放后，原激活码立即失效，错误次数清零。新激活码会通过微信消息发送给志愿者（集体注册且尚未认领的，显示在本页，请转交本人）。确认发放？',
      confirmText: '发放',
    })
    if (!confirm) return
    await run(
      'reissue',
      () => call('admin.reissueCode', { volunteerId }),
      (r) =>
        r.code
          ? `新激活码 ${r.code}（${r.days}天内有效），只显示这一次，请转交本人。`
          : '已重新发放，新激活码已发送给志愿者。',
    )
  }

  /** 作废 of a false registration: a reason, then a confirmation naming what it does. */
  async function voidRegistration() {
    if (busy) return
    const checked = validate(rejectReasonSchema, voidReason)
    if (!checked.ok) {
      setVoidError(checked.message)
      return
    }
    setVoidError(undefined)
    const { confirm } = await Taro.showModal({
      title: '作废注册',
      content: '作废后该志愿者退出所有队伍，身份证号释放给本人使用，此操作记入审计日志，不能撤销。确定作废吗？',
      confirmText: '作废',
      confirmColor: DANGER,
      cancelText: '取消',
    })
    if (!confirm) return
    const ok = await run(
      'void',
      () => call('admin.voidRegistration', { volunteerId, reason: checked.value }),
      '已作废，身份证号已释放。',
    )
    if (!ok) return
    setVoiding(false)
    setVoidReason('')
  }

  const d = q.data
  return {
    loading: q.loading,
    error: q.error,
    reload: q.reload,
    detail: d,
    statusLabel: d ? VolunteerStatus.map[d.status] : '',
    rows: d ? profileRows(d) : [],
    history: d ? historyRows(d) : [],
    idNumber: revealed.idNumber ?? d?.profile.idNumberMasked ?? '',
    mobile: revealed.mobile ?? d?.profile.mobileMasked ?? '',
    revealed,
    busy,
    rejecting,
    reason,
    reasonError,
    actionError,
    done,
    reveal,
    approve,
    reject,
    reissue,
    /** Not offered again once voided (the record stays, 已退出, with the 作废 in its history). */
    canVoid: d ? !(d.status === 'left' && d.history.some((h) => h.action === 'voided')) : false,
    voiding,
    voidReason,
    voidError,
    voidRegistration,
    startVoid: () => {
      setVoiding(true)
      setRejecting(false)
      setDone(undefined)
    },
    cancelVoid: () => {
      setVoiding(false)
      setVoidError(undefined)
    },
    editVoidReason: (text: string) => {
      setVoidReason(text)
      setVoidError(undefined)
    },
    startReject: () => {
      setRejecting(true)
      setDone(undefined)
    },
    cancelReject: () => {
      setRejecting(false)
      setReasonError(undefined)
    },
    editReason: (text: string) => {
      setReason(text)
      setReasonError(undefined)
    },
  }
}
