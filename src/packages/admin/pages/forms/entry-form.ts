/**
 * The 填报 form (服务阵地, 科技惠民(农), 网络动员): what the admin types, checked with the contract's
 * schema before anything is sent, every invalid field named at once.
 */
import * as v from 'valibot'
import type { CoverageAnswers, EnteredFigures, FigureKey, ReportEntry } from '../../../../../types/api'
import { entryInputSchema } from '../../../../../types/schemas/report'

/** The entered figures as typed: '' is "not entered" (null), which is not 0. */
export type FigureDraft = Record<FigureKey, string>

export interface EntryDraft {
  figures: FigureDraft
  coverage: CoverageAnswers
}

/** The fields in the notice's order, with its words. */
export const FIGURE_FIELDS: { key: FigureKey; section: string; label: string; unit: string }[] = [
  { key: 'museumTours', section: '服务阵地', label: '流动科技馆巡展', unit: '次' },
  { key: 'caravanTours', section: '服务阵地', label: '科普大篷车巡展', unit: '次' },
  { key: 'ruralTrainings', section: '科技惠民(农)', label: '农村重点人群科学素质培训培育', unit: '次' },
  { key: 'ruralTrainees', section: '科技惠民(农)', label: '培训', unit: '人次' },
  { key: 'farmerContest', section: '科技惠民(农)', label: '参加全国农民科学素质网络知识竞赛', unit: '人次' },
  { key: 'provinceContest', section: '科技惠民(农)', label: '参加湖南省科学素质网络大赛', unit: '人次' },
  { key: 'informants', section: '网络动员', label: '科普中国信息员队伍', unit: '人' },
  { key: 'kepuChinaShares', section: '网络动员', label: '分享“科普中国”文章', unit: '篇' },
  { key: 'kepuHunanShares', section: '网络动员', label: '分享“科普湖南”文章', unit: '篇' },
]

export function draftFrom(entry: ReportEntry): EntryDraft {
  const figures = {} as FigureDraft
  for (const f of FIGURE_FIELDS) {
    const n = entry.figures[f.key]
    figures[f.key] = n === null ? '' : String(n)
  }
  return { figures, coverage: { ...entry.coverage } }
}

/** '' → null; anything else → a number for the schema to judge ("1.5" fails as 应为整数, "abc" as 应为数字). */
const toFigure = (text: string): number | null => {
  const t = text.trim()
  if (t === '') return null
  const n = Number(t)
  return Number.isNaN(n) ? (t as unknown as number) : n
}

export type EntryErrors = Partial<Record<FigureKey | 'museum' | 'caravan' | 'highlightIds', string>>

export type CheckedEntry =
  { ok: true; figures: EnteredFigures; coverage: CoverageAnswers } | { ok: false; errors: EntryErrors }

/**
 * The draft as the schema sees it. Coverage is a county's own answer; other teams send none. Every
 * issue is kept (abortEarly off), so the form shows them all at once.
 */
export function checkEntry(
  draft: EntryDraft,
  ctx: { teamId: string; periodId: string; isCounty: boolean; highlightIds: string[] },
): CheckedEntry {
  const figures = {} as Record<FigureKey, number | null>
  for (const f of FIGURE_FIELDS) figures[f.key] = toFigure(draft.figures[f.key])
  const coverage: CoverageAnswers = ctx.isCounty ? draft.coverage : { museum: null, caravan: null }
  const r = v.safeParse(
    entryInputSchema,
    { teamId: ctx.teamId, periodId: ctx.periodId, figures, coverage, highlightIds: ctx.highlightIds },
    { abortEarly: false },
  )
  if (r.success) return { ok: true, figures: r.output.figures, coverage: r.output.coverage }
  const errors: EntryErrors = {}
  for (const issue of r.issues) {
    const path = issue.path?.map((p) => String(p.key)) ?? []
    const key = (path[0] === 'figures' || path[0] === 'coverage' ? path[1] : path[0]) as keyof EntryErrors
    if (key && !errors[key]) errors[key] = issue.message
  }
  return { ok: false, errors }
}

/** 平均每人（）篇 from what is typed: a ratio of the two, half up to one decimal; blank when it cannot be. */
export function derivedAverage(shares: string, informants: string): string | null {
  const s = Number(shares.trim())
  const n = Number(informants.trim())
  if (shares.trim() === '' || informants.trim() === '' || !Number.isInteger(s) || !Number.isInteger(n)) return null
  if (n <= 0 || s < 0) return null
  // Integers: round half up on tenths exactly, without float trouble (11.25 → 11.3).
  const tenths = Math.floor((s * 20 + n) / (2 * n))
  return `${Math.floor(tenths / 10)}.${tenths % 10}`
}
