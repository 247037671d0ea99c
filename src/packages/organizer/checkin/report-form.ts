/** The after-event form: 接受服务的群众人次 and the highlight write-up, as typed and as sent. */
import type { Attendance, Highlight } from '../../../../types/api'
import { MAX_PHOTOS } from '../../../../types/schemas/checkin'

export interface ReportDraft {
  peopleServed: string
  content: string
  effect: string
  /** fileID and something to show it by (a local path after picking; the fileID once saved). */
  photos: { fileID: string; preview: string }[]
}

export function draftFrom(a: Attendance): ReportDraft {
  return {
    peopleServed: a.peopleServed === null ? '' : String(a.peopleServed),
    content: a.highlight?.content ?? '',
    effect: a.highlight?.effect ?? '',
    photos: (a.highlight?.photos ?? []).map((fileID) => ({ fileID, preview: fileID })),
  }
}

export type ReportErrors = Partial<Record<'peopleServed' | 'content' | 'photos', string>>

/** The request, or every problem at once. A write-up with nothing in it is sent as none. */
export function toReport(
  d: ReportDraft,
): { ok: true; peopleServed: number; highlight: Highlight | null } | { ok: false; errors: ReportErrors } {
  const errors: ReportErrors = {}
  const n = Number(d.peopleServed.trim())
  if (!d.peopleServed.trim()) errors.peopleServed = '请填写接受服务的群众人次（没有则填 0）'
  else if (!Number.isInteger(n) || n < 0) errors.peopleServed = '人次应为不小于 0 的整数'
  else if (n > 1_000_000) errors.peopleServed = '人次过大'
  if (d.content.trim().length > 1000) errors.content = '服务内容不超过 1000 个字'
  if (d.photos.length > MAX_PHOTOS) errors.photos = `照片最多 ${MAX_PHOTOS} 张`
  const empty = !d.content.trim() && !d.effect.trim() && d.photos.length === 0
  if (!empty && !d.content.trim()) errors.content = '写亮点总结时请填写服务内容'
  if (Object.keys(errors).length) return { ok: false, errors }
  return {
    ok: true,
    peopleServed: n,
    highlight: empty
      ? null
      : { content: d.content.trim(), effect: d.effect.trim(), photos: d.photos.map((p) => p.fileID) },
  }
}
