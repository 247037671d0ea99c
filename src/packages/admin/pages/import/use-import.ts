import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { ImportPreview, ImportResult, ImportRow } from '../../../../../types/api'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/client'
import { files, type UploadedFile } from '../../../../services/files'

export const OUTCOME: Record<ImportRow['outcome'], string> = {
  new: '新增',
  member: '已是成员',
  invited: '已邀请（本人确认后加入）',
  invalid: '有误',
}
export const OUTCOMES = Object.keys(OUTCOME) as ImportRow['outcome'][]

/** Rows shown at once; a 2000-row preview is read through the outcome filter instead. */
export const ROWS_SHOWN = 200

export type ImportStep =
  | { step: 'choose' }
  | { step: 'uploading'; name: string }
  | { step: 'previewing'; file: UploadedFile }
  | { step: 'preview'; file: UploadedFile; preview: ImportPreview }
  | { step: 'committing'; file: UploadedFile; preview: ImportPreview }
  | { step: 'done'; file: UploadedFile; result: ImportResult }

/** What 确认导入 would do; nothing to do when every row is already a member or has errors. */
export const importable = (p: ImportPreview) => p.counts.new

/** The text 复制激活码 puts on the clipboard: one person a line, to paste into a chat or a document. */
export function codesText(r: ImportResult): string {
  return r.codes.map((c) => `第${c.row}行 ${c.name} 激活码 ${c.code}`).join('\n')
}

/**
 * 集体注册: template → pick and upload the filled file → preview every row → commit → the activation
 * codes, shown once. The server re-checks everything at commit; the preview is what the admin agrees to.
 */
export function useImport(teamId: string) {
  const team = useQuery('team.page', { teamId })
  const [state, setState] = useState<ImportStep>({ step: 'choose' })
  const [error, setError] = useState<string | undefined>()
  const [templateBusy, setTemplateBusy] = useState(false)
  const [filter, setFilter] = useState<ImportRow['outcome'] | 'all'>('all')
  const busy = useRef(false)

  async function once(work: () => Promise<void>) {
    if (busy.current) return
    busy.current = true
    try {
      await work()
    } finally {
      busy.current = false
    }
  }

  const downloadTemplate = () =>
    once(async () => {
      setTemplateBusy(true)
      setError(undefined)
      const r = await call('spreadsheet.importTemplate', {})
      const opened = r.ok ? await files.openSpreadsheet(r.data.url) : null
      setTemplateBusy(false)
      if (!r.ok) setError(r.message)
      else if (opened && !opened.ok) setError(opened.message)
    })

  async function preview(file: UploadedFile) {
    setState({ step: 'previewing', file })
    const r = await call('spreadsheet.importPreview', { teamId, fileID: file.fileID })
    if (!r.ok) {
      setError(r.message)
      setState({ step: 'choose' })
      return
    }
    setFilter(r.data.counts.invalid > 0 ? 'invalid' : 'all')
    setState({ step: 'preview', file, preview: r.data })
  }

  const pickFile = () =>
    once(async () => {
      setError(undefined)
      const before = state
      // The server names the folder: an upload is bound to its uploader and team.
      const dir = await call('spreadsheet.importStart', { teamId })
      if (!dir.ok) {
        setError(dir.message)
        return
      }
      const picked = await files.pickSpreadsheet(dir.data.cloudDir.replace(/\/$/, ''), (name) =>
        setState({ step: 'uploading', name }),
      )
      if (!picked.ok) {
        setState(before)
        if (!picked.cancelled) setError(picked.message)
        return
      }
      await preview(picked.data)
    })

  const commit = () =>
    once(async () => {
      if (state.step !== 'preview') return
      const { file, preview: p } = state
      setError(undefined)
      setState({ step: 'committing', file, preview: p })
      const r = await call('spreadsheet.importCommit', { teamId, fileID: file.fileID })
      if (!r.ok) {
        setError(r.message)
        setState({ step: 'preview', file, preview: p })
        return
      }
      setState({ step: 'done', file, result: r.data })
    })

  const repreview = () =>
    once(async () => {
      if (state.step !== 'preview') return
      setError(undefined)
      await preview(state.file)
    })

  return {
    teamName: team.data?.team.name,
    loading: team.loading,
    loadError: team.error,
    reload: team.reload,
    state,
    error,
    templateBusy,
    filter,
    setFilter,
    downloadTemplate,
    pickFile,
    commit,
    repreview,
    reset: () => {
      setError(undefined)
      setState({ step: 'choose' })
    },
    copyCodes: (r: ImportResult) => Taro.setClipboardData({ data: codesText(r) }),
  }
}
