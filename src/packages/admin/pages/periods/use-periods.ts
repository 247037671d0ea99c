import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { PeriodView } from '../../../../../types/api'
import { TeamKind } from '../../../../../types/enums'
import type { Invalid } from '../../../../../types/schemas'
import { useQuery } from '../../../../hooks/use-query'
import { formatDate } from '../../../../utils/datetime'
import { chinaDay } from '../../../../utils/china-day'
import { useSubmit } from '../../../../hooks/use-submit'
import { checkDraft, draftFrom, emptyDraft, type PeriodDraft } from './period-draft'

export interface PeriodCard {
  id: string
  name: string
  range: string
  /** Today falls inside it. */
  current: boolean
  deadlines: string[]
  targets: string[]
}

export function toPeriodCard(p: PeriodView, now = new Date()): PeriodCard {
  const today = chinaDay(now)
  return {
    id: p.id,
    name: p.name,
    range: `${formatDate(p.start)} – ${formatDate(p.end)}`,
    current: p.start <= today && today <= p.end,
    deadlines: p.deadlines.map((d) => `${formatDate(d.due)} ${d.label}`),
    targets: p.targets.map((t) => `${TeamKind.map[t.kind]}：首批 ${t.founding} 人，${t.goalDate} 前 ${t.goal} 人`),
  }
}

export function usePeriods() {
  const list = useQuery('admin.periods', {})
  const [draft, setDraft] = useState<PeriodDraft | null>(null)
  const [invalid, setInvalid] = useState<Invalid | undefined>()
  const { busy, error, setError, submit } = useSubmit()

  function edit(next: PeriodDraft | null) {
    setDraft(next)
    setInvalid(undefined)
    setError(undefined)
  }

  async function save() {
    if (!draft) return
    const checked = checkDraft(draft)
    if (!checked.ok) {
      setInvalid({ field: checked.field, message: checked.message })
      return
    }
    setInvalid(undefined)
    const r = await submit('admin.savePeriod', checked.value)
    if (r?.ok) {
      void Taro.showToast({ title: '已保存', icon: 'success' })
      edit(null)
      void list.reload()
    }
  }

  // A field the server names (INVALID_INPUT) is shown where the form's own check would show it.
  const shown: Invalid | undefined =
    invalid ??
    (error?.code === 'INVALID_INPUT' && error.field ? { field: error.field, message: error.message } : undefined)

  return {
    loading: list.loading,
    error: list.error,
    reload: list.reload,
    periods: list.data,
    draft,
    update: (f: (d: PeriodDraft) => PeriodDraft) => setDraft((d) => d && f(d)),
    create: () => edit(emptyDraft()),
    editPeriod: (p: PeriodView) => edit(draftFrom(p)),
    copyPeriod: (p: PeriodView) => edit(draftFrom(p, true)),
    cancel: () => edit(null),
    save,
    busy,
    invalid: shown,
    /** Refusals without a field: FORBIDDEN (not the city's), network. */
    formError: shown ? undefined : error?.message,
  }
}
