import Taro from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import { findCanvas, type CanvasNode } from '../../../../components/qr/find-canvas'
import { useQuery } from '../../../../hooks/use-query'
import { useSubmit } from '../../../../hooks/use-submit'
import { files } from '../../../../services/files'
import { drawSheet, MAX_PER_SHEET, sheetSize, type SheetCtx, type SheetItem } from '../../checkin/print-sheet'

export const SHEET_CANVAS_ID = 'print-sheet'

/** 打印签到码: choose confirmed sign-ups, draw their codes on one sheet, save it as a picture. */
export function usePrint(activityId: string) {
  const q = useQuery('checkin.attendance', { activityId })
  const people = useMemo(
    () =>
      (q.data?.rows ?? [])
        .filter((r) => r.status === 'confirmed')
        .map((r) => ({
          ticketId: r.ticketId,
          name: r.nameMasked,
          phone: `尾号 ${r.phoneLast4}`,
          checkedIn: r.checkedInAt !== null,
        })),
    [q.data],
  )
  const [selected, setSelected] = useState<string[]>([])
  const [items, setItems] = useState<SheetItem[] | null>(null)
  const [drawError, setDrawError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [saveNote, setSaveNote] = useState<string | null>(null)
  const canvas = useRef<CanvasNode | null>(null)
  const write = useSubmit()

  function toggle(ticketId: string) {
    setItems(null)
    setSelected((s) =>
      s.includes(ticketId) ? s.filter((x) => x !== ticketId) : s.length >= MAX_PER_SHEET ? s : [...s, ticketId],
    )
  }

  async function generate() {
    setSaveNote(null)
    setDrawError(null)
    const r = await write.submit('checkin.printTokens', { activityId, ticketIds: selected })
    if (r?.ok) setItems(r.data.map((t) => ({ nameMasked: t.nameMasked, token: t.token })))
  }

  // Draw once the sheet's canvas is on the page.
  useEffect(() => {
    if (!items) return
    let stale = false
    void (async () => {
      const node = await findCanvas(`#${SHEET_CANVAS_ID}`)
      if (stale) return
      const ctx = node?.getContext('2d') as SheetCtx | null | undefined
      if (!node || !ctx) {
        setDrawError('签到码未能画出，请重试')
        return
      }
      const { width, height } = sheetSize(items.length)
      node.width = width
      node.height = height
      drawSheet(ctx, q.data?.title ?? '', items)
      canvas.current = node
    })()
    return () => {
      stale = true
    }
  }, [items, q.data?.title])

  async function save() {
    if (!canvas.current) return
    setSaving(true)
    const r = await files.saveCanvasImage(canvas.current, `签到码-${q.data?.title ?? activityId}.png`)
    setSaving(false)
    if (r.ok) {
      setSaveNote('已保存，可打印后发给志愿者')
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } else if (!r.cancelled) setSaveNote(r.message)
  }

  return {
    loading: q.loading,
    error: q.error,
    reload: q.reload,
    title: q.data?.title ?? '',
    people,
    selected,
    toggle,
    selectNotCheckedIn: () => {
      setItems(null)
      setSelected(
        people
          .filter((p) => !p.checkedIn)
          .slice(0, MAX_PER_SHEET)
          .map((p) => p.ticketId),
      )
    },
    generate,
    generating: write.busy,
    generateError: write.error?.message ?? null,
    items,
    sheet: items ? sheetSize(items.length) : null,
    drawError,
    save,
    saving,
    saveNote,
  }
}
