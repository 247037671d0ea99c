/** Pure mapping from the report function's 数据看板 answer to the bars and lines the screen draws. */
import type { Dashboard } from '../../../../../types/api'
import { ActivityType, FocusTag } from '../../../../../types/enums'
import { DEADLINE_STATE } from '../../labels'
import { formatMonth } from '../../../../utils/datetime'

/** One bar: its label, the number written beside it (so it reads without colour) and its width. */
export interface Bar {
  key: string
  label: string
  value: number
  /** The number as the screen writes it, with its unit. */
  text: string
  /** Percent of the longest bar of its chart; 0 draws no fill. */
  width: number
}

export interface DashboardScreen {
  title: string
  total: number
  byType: Bar[]
  byMonth: Bar[]
  /** The three focus tags; one at 0 is still to cover. */
  focus: (Bar & { covered: boolean })[]
  figures: { label: string; text: string }[]
  members: {
    line: string
    /** Bars of the members against the founding size and the goal; none without a target. */
    bars: Bar[]
  }
  deadlines: { key: string; label: string; due: string; state: string; stateLabel: string }[]
}

function bars(items: { key: string; label: string; value: number; unit: string }[]): Bar[] {
  const max = Math.max(0, ...items.map((i) => i.value))
  return items.map((i) => ({
    key: i.key,
    label: i.label,
    value: i.value,
    text: `${i.value} ${i.unit}`,
    width: max > 0 ? Math.min(100, Math.round((i.value / max) * 100)) : 0,
  }))
}

/** `2024-03` → `2024年3月` */

export function toDashboardScreen(d: Dashboard): DashboardScreen {
  const t = d.target
  return {
    title: `${d.unit.name} · ${d.period.name}`,
    total: d.total,
    byType: bars(
      ActivityType.values.map((k) => ({ key: k, label: ActivityType.map[k], value: d.byType[k], unit: '次' })),
    ),
    byMonth: bars(d.months.map((m) => ({ key: m.month, label: formatMonth(m.month), value: m.total, unit: '次' }))),
    focus: bars(FocusTag.values.map((k) => ({ key: k, label: FocusTag.map[k], value: d.byFocus[k], unit: '次' }))).map(
      (b) => ({ ...b, covered: b.value > 0, text: b.value > 0 ? b.text : '尚未开展' }),
    ),
    figures: [
      { label: '参与服务的专家', text: `${d.experts} 人次` },
      { label: '接受服务的群众', text: `${d.served} 人次` },
    ],
    members: {
      line: t
        ? `现有 ${d.members} 人 · 首批目标 ${t.founding} 人 · ${t.goalDate} 前 ${t.goal} 人`
        : `现有 ${d.members} 人`,
      bars: t
        ? [
            { key: 'founding', label: `首批目标 ${t.founding} 人`, whole: t.founding },
            { key: 'goal', label: `${t.goalDate} 前 ${t.goal} 人`, whole: t.goal },
          ].map(({ key, label, whole }) => {
            const width = whole > 0 ? Math.min(100, Math.round((d.members / whole) * 100)) : 100
            return { key, label, value: d.members, width, text: `${d.members} / ${whole} 人（${width}%）` }
          })
        : [],
    },
    deadlines: d.deadlines.map((x) => ({
      key: x.key,
      label: x.label,
      due: x.due,
      state: x.state,
      stateLabel: DEADLINE_STATE[x.state],
    })),
  }
}
