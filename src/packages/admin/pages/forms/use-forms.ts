import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { FormKind, RosterPreview, RosterRow } from '../../../../../types/api'
import type { Err } from '../../../../../types/result'
import { useQuery } from '../../../../hooks/use-query'
import { useSubmit } from '../../../../hooks/use-submit'
import { call } from '../../../../services/client'
import { files } from '../../../../services/files'
import { checkEntry, draftFrom, type EntryDraft, type EntryErrors } from './entry-form'
import { FORM_NAME } from './forms-view'

export type FormsTab = 'roster' | 'statistics' | 'entry' | 'filing'

/**
 * 附件2, a page at a time (the answer carries the header with the page, so not `usePagedQuery`): the
 * members now, or with a period those as of its end.
 */
export function useRoster(teamId: string, periodId: string | null) {
  const [head, setHead] = useState<Omit<RosterPreview, 'page'> | null>(null)
  const [rows, setRows] = useState<RosterRow[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<Err | undefined>()
  const inFlight = useRef(false)

  const load = useCallback(
    async (after: string | null) => {
      if (inFlight.current) return
      inFlight.current = true
      setLoading(true)
      setError(undefined)
      const scope = periodId ? { teamId, periodId } : { teamId }
      const r = await call('report.roster', after ? { ...scope, cursor: after } : scope)
      inFlight.current = false
      setLoading(false)
      if (!r.ok) return setError(r)
      const { page, ...rest } = r.data
      setHead(rest)
      setRows((old) => (after ? [...old, ...page.items] : page.items))
      setCursor(page.nextCursor)
    },
    [teamId, periodId],
  )

  useEffect(() => {
    void load(null)
  }, [load])

  return {
    head,
    rows,
    loading,
    error,
    hasMore: cursor !== null,
    reload: () => load(null),
    loadMore: () => (cursor ? load(cursor) : Promise.resolve()),
  }
}

/** 导出 Excel: the export action, then the file opened (phone) or downloaded (browser). */
export function useExport() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const run = async (exporting: () => ReturnType<typeof call<'spreadsheet.exportRoster'>>) => {
    if (busy) return
    setBusy(true)
    setError(undefined)
    const r = await exporting()
    if (!r.ok) {
      setBusy(false)
      return setError(r.message)
    }
    const opened = await files.openExport(r.data.url, r.data.fileName)
    setBusy(false)
    if (!opened.ok && !opened.cancelled) setError(opened.message)
  }
  return {
    busy,
    error,
    roster: (teamId: string, periodId: string | null) =>
      run(() => call('spreadsheet.exportRoster', periodId ? { teamId, periodId } : { teamId })),
    statistics: (teamId: string, periodId: string) =>
      run(() => call('spreadsheet.exportStatistics', { teamId, periodId })),
  }
}

/** The team's own entry for the period: the 填报 draft, and the highlights chosen for 附件3. */
export function useEntry(teamId: string, periodId: string, onSaved: () => void) {
  const q = useQuery('report.entry', { teamId, periodId })
  const [draft, setDraft] = useState<EntryDraft | null>(null)
  const [errors, setErrors] = useState<EntryErrors>({})
  const [highlights, setHighlights] = useState<string[] | null>(null)
  const { busy, error, submit } = useSubmit()
  // Which save the last refusal answered, so it shows under that save's button.
  const [lastSave, setLastSave] = useState<'figures' | 'highlights'>('figures')

  // A new period starts from what the server holds; a reload while typing keeps the draft.
  useEffect(() => {
    setDraft(null)
    setHighlights(null)
    setErrors({})
  }, [periodId])
  const entry = q.data?.entry
  const shownDraft = draft ?? (entry ? draftFrom(entry) : null)
  const chosen = highlights ?? entry?.highlightIds ?? []
  const isCounty = q.data?.teamKind === 'county'

  async function saved() {
    void Taro.showToast({ title: '已保存', icon: 'success' })
    setHighlights(null)
    await q.reload()
    onSaved()
  }

  /** The figures as typed; the highlights stay as saved by their own button (another administrator's too). */
  async function saveFigures() {
    if (!entry || !shownDraft) return
    const checked = checkEntry(shownDraft, { teamId, periodId, isCounty, highlightIds: chosen })
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setErrors({})
    setLastSave('figures')
    const r = await submit('report.saveEntry', {
      teamId,
      periodId,
      figures: checked.figures,
      coverage: checked.coverage,
    })
    if (r?.ok) {
      setDraft(null)
      await saved()
    }
  }

  /** The highlights alone: the figures stay as the server holds them, a half-typed draft stays a draft. */
  async function saveHighlights() {
    if (!entry) return
    setLastSave('highlights')
    const r = await submit('report.saveHighlights', { teamId, periodId, highlightIds: chosen })
    if (r?.ok) await saved()
  }

  return {
    ...q,
    draft: shownDraft,
    isCounty,
    candidates: q.data?.candidates ?? [],
    chosen,
    errors,
    busy,
    saveError: lastSave === 'figures' ? error?.message : undefined,
    highlightsError: lastSave === 'highlights' ? error?.message : undefined,
    setFigure: (key: keyof EntryDraft['figures'], value: string) =>
      setDraft((d) => {
        const base = d ?? shownDraft
        return base && { ...base, figures: { ...base.figures, [key]: value } }
      }),
    setCoverage: (key: 'museum' | 'caravan', value: boolean) =>
      setDraft((d) => {
        const base = d ?? shownDraft
        return base && { ...base, coverage: { ...base.coverage, [key]: value } }
      }),
    toggleHighlight: (id: string) => {
      const next = chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]
      if (next.length > 2) return void Taro.showToast({ title: '亮点活动最多选 2 项', icon: 'none' })
      setHighlights(next)
    },
    saveFigures,
    saveHighlights,
  }
}

/** 报送: file a form for the period after a confirmation; the history and the subtree's status. */
export function useFiling(teamId: string, periodId: string) {
  const history = useQuery('report.filings', { teamId, periodId })
  const status = useQuery('report.filingStatus', { teamId, periodId })
  const { busy, error, submit } = useSubmit()

  async function file(form: FormKind) {
    const c = await Taro.showModal({
      title: '确认报送',
      content: `将本周期的《${FORM_NAME[form]}》按当前数据报送市支队。报送后仍可再次报送，历次记录都会保留。`,
      confirmText: '报送',
      cancelText: '取消',
    })
    if (!c.confirm) return
    const r = await submit('report.file', { teamId, periodId, form })
    if (r?.ok) {
      void Taro.showToast({ title: '已报送', icon: 'success' })
      void history.reload()
      void status.reload()
    }
  }

  return { history, status, busy, fileError: error?.message, file }
}

export const useQueryStatistics = (teamId: string, periodId: string) =>
  useQuery('report.statistics', { teamId, periodId })
