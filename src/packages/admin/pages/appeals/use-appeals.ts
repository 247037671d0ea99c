import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import type { AppealItem } from '../../../../../types/api'
import { AppealOutcome } from '../../../../../types/enums'
import type { Err } from '../../../../../types/result'
import { appealNoteSchema, validate } from '../../../../../types/schemas'
import { usePagedQuery } from '../../../../hooks/use-paged-query'
import { call } from '../../../../services/client'
import { adminUrl } from '../../routes'

/** What is running: a reveal or a close of one appeal. */
const PAGE_SIZE = 20

type Busy = { id: string; kind: 'reveal' | 'close' } | null

export const OUTCOME_OPTIONS = AppealOutcome.values.map((value) => ({ value, label: AppealOutcome.map[value] }))

/**
 * Open 申诉 in scope: the appellant's full mobile behind an audited reveal, and closing one with its
 * outcome and note after a confirmation. One close form is open at a time.
 */
export function useAppeals() {
  const list = usePagedQuery('admin.appeals', { limit: PAGE_SIZE })
  usePullDownRefresh(async () => {
    await list.refresh()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  const [revealed, setRevealed] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<Busy>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [done, setDone] = useState<string | undefined>()
  const [closing, setClosing] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<AppealOutcome | null>(null)
  const [note, setNote] = useState('')
  const [formErrors, setFormErrors] = useState<{ outcome?: string; note?: string }>({})

  const failedOn = (id: string, r: Err) => setErrors((e) => ({ ...e, [id]: r.message }))

  async function reveal(a: AppealItem) {
    if (busy) return
    setBusy({ id: a.id, kind: 'reveal' })
    setErrors((e) => ({ ...e, [a.id]: '' }))
    const r = await call('admin.revealAppeal', { appealId: a.id })
    setBusy(null)
    if (r.ok) setRevealed((x) => ({ ...x, [a.id]: r.data.value }))
    else failedOn(a.id, r)
  }

  function startClose(a: AppealItem) {
    setClosing(a.id)
    setOutcome(null)
    setNote('')
    setFormErrors({})
    setDone(undefined)
  }

  async function close(a: AppealItem) {
    if (busy) return
    const checkedNote = validate(appealNoteSchema, note)
    const found = {
      outcome: outcome ? undefined : '请选择处理结果',
      note: checkedNote.ok ? undefined : checkedNote.message,
    }
    setFormErrors(found)
    if (!outcome || !checkedNote.ok) return
    const { confirm } = await Taro.showModal({
      title: '关闭申诉',
      content: `处理结果：${AppealOutcome.map[outcome]}。关闭后该申诉不再列出，处理结果和说明会通知申诉人，并记入审计日志，不能撤销。确定关闭吗？`,
      confirmText: '关闭申诉',
      cancelText: '取消',
    })
    if (!confirm) return
    setBusy({ id: a.id, kind: 'close' })
    setErrors((e) => ({ ...e, [a.id]: '' }))
    const r = await call('admin.closeAppeal', { appealId: a.id, outcome, note: checkedNote.value })
    setBusy(null)
    if (!r.ok) {
      if (r.code !== 'CONFLICT') return failedOn(a.id, r)
      await Taro.showModal({
        title: '已被其他管理员处理',
        content: `${r.message}。已为你刷新列表。`,
        showCancel: false,
        confirmText: '知道了',
      })
    } else setDone(`已关闭${a.name}的申诉（${AppealOutcome.map[outcome]}），处理结果已通知申诉人。`)
    setClosing(null)
    await list.refresh()
  }

  return {
    ...list,
    revealed,
    busy,
    errors,
    done,
    closing,
    outcome,
    note,
    formErrors,
    reveal,
    startClose,
    cancelClose: () => setClosing(null),
    pickOutcome: (o: AppealOutcome) => setOutcome(o),
    editNote: (s: string) => setNote(s),
    close,
    openRecord: (volunteerId: string) => void Taro.navigateTo({ url: adminUrl.reviewDetail(volunteerId) }),
  }
}

export type AppealsScreen = ReturnType<typeof useAppeals>
