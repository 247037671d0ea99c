/**
 * The text of 附件3 as the notice lays it out, with the figures filled in: one builder for the
 * preview in the app and the exported .xlsx, so both say the same thing.
 */
import type { CoverageView, StatisticsForm } from './api'
import { ActivityType, FocusTag } from './enums'

/** A figure inside the notice's brackets; a blank stays a blank. */
export const bracket = (n: number | string | null) => (n === null || n === '' ? '（  ）' : `（${n}）`)

/** One decimal, as 平均每人（11.3）篇. */
export const decimal = (n: number | null) => (n === null ? null : n.toFixed(1))

export function coverageText(c: CoverageView): string {
  if (c.kind === 'own') return bracket(c.value === null ? null : c.value ? '是' : '否')
  if (c.kind === 'counties') return `（${c.of}个区县中${c.yes}个是）`
  return bracket(null)
}

/** 2024-09-18 → 2024年9月18日 */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

export interface FormSection {
  /** The left column of the notice's table (志愿队伍, 志愿活动 …); '' continues the section above. */
  label: string
  text: string
}

export function statisticsSections(f: StatisticsForm): FormSection[] {
  const a = f.activities
  const y = a.sinceYear
  const types = ActivityType.values.map((t) => `${ActivityType.map[t]}${bracket(a.byType[t])}次`).join('、')
  const [keyEvent, concern, group] = FocusTag.values.map((t) => bracket(a.byFocus[t]))
  const highlights = f.highlights.map((h, i) => {
    const served = h.peopleServed === null ? '' : `，受众${h.peopleServed}人次`
    const parts = [
      `${i + 1}. ${h.title}`,
      `时间：${chineseDate(chinaDayOf(h.startAt))}`,
      `地点：${h.address || '—'}`,
      `参与服务专家${h.checkedIn}人次${served}`,
      `服务内容：${h.content}`,
      `服务效果：${h.effect || '—'}`,
    ]
    return parts.join('；') + '。'
  })
  const g = f.figures
  return [
    {
      label: '志愿队伍',
      text:
        `已建立${bracket(f.teams.members)}人的科技志愿支队：\n` +
        `本区县（市）已建立${bracket(f.teams.built)}支科技志愿者队，人数${bracket(f.teams.builtMembers)}人。`,
    },
    {
      label: '志愿活动',
      text:
        `${y}年${bracket(a.sinceMonth)}月以来，共组织科技志愿服务活动${bracket(a.total)}次（含县级志愿者队的数据，下同），其中${types}。` +
        `上述活动中，结合全国科普日等重点活动开展服务${keyEvent}次，结合卫生健康等群众关切开展服务${concern}次，` +
        `结合农村妇女、青少年等重点人群开展服务${group}次，参与服务的专家有${bracket(a.experts)}人次，` +
        `接受服务的群众有${bracket(a.served)}人次。`,
    },
    {
      label: '',
      text: [
        '（列举1-2项亮点活动，写明活动名称、时间、地点、参与服务专家和受众人数、服务内容、服务效果等）：',
        ...highlights,
      ].join('\n'),
    },
    {
      label: '服务阵地',
      text:
        `流动科技馆巡展${bracket(g.museumTours)}次，是否在全县基本覆盖${coverageText(f.coverage.museum)}；\n` +
        `科普大篷车巡展${bracket(g.caravanTours)}次，是否在全县基本覆盖${coverageText(f.coverage.caravan)}。`,
    },
    {
      label: '科技惠民(农)',
      text:
        `开展农村重点人群科学素质培训培育${bracket(g.ruralTrainings)}次，培训${bracket(g.ruralTrainees)}人次；` +
        `组织参加${y}年全国农民科学素质网络知识竞赛${bracket(g.farmerContest)}人次，` +
        `组织参加${y}年湖南省科学素质网络大赛${bracket(g.provinceContest)}人次。`,
    },
    {
      label: '网络动员',
      text:
        `已建立${bracket(g.informants)}人的科普中国信息员队伍，${y}年以来共分享“科普中国”文章${bracket(g.kepuChinaShares)}篇，` +
        `平均每人${bracket(decimal(f.perPerson.kepuChina))}篇；分享“科普湖南”文章${bracket(g.kepuHunanShares)}篇，` +
        `平均每人${bracket(decimal(f.perPerson.kepuHunan))}篇。`,
    },
  ]
}

/** The China calendar day of an ISO instant. */
function chinaDayOf(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)
}

/** Every figure of the form on its own line (the export's second sheet): [item, value or blank]. */
export function statisticsFigures(f: StatisticsForm): [string, number | string | null][] {
  const a = f.activities
  const cov = (c: CoverageView) =>
    c.kind === 'own'
      ? c.value === null
        ? null
        : c.value
          ? '是'
          : '否'
      : c.kind === 'counties'
        ? `${c.yes}/${c.of}`
        : null
  return [
    ['科技志愿支队人数', f.teams.members],
    ['已建立科技志愿者队（支）', f.teams.built],
    ['科技志愿者队人数', f.teams.builtMembers],
    ['活动总数（次）', a.total],
    ...ActivityType.values.map((t): [string, number] => [ActivityType.map[t], a.byType[t]]),
    ...FocusTag.values.map((t): [string, number] => [FocusTag.map[t], a.byFocus[t]]),
    ['参与服务的专家（人次）', a.experts],
    ['接受服务的群众（人次）', a.served],
    ['流动科技馆巡展（次）', f.figures.museumTours],
    ['流动科技馆巡展全县基本覆盖', cov(f.coverage.museum)],
    ['科普大篷车巡展（次）', f.figures.caravanTours],
    ['科普大篷车巡展全县基本覆盖', cov(f.coverage.caravan)],
    ['农村重点人群科学素质培训培育（次）', f.figures.ruralTrainings],
    ['培训（人次）', f.figures.ruralTrainees],
    ['全国农民科学素质网络知识竞赛（人次）', f.figures.farmerContest],
    ['湖南省科学素质网络大赛（人次）', f.figures.provinceContest],
    ['科普中国信息员（人）', f.figures.informants],
    ['分享“科普中国”文章（篇）', f.figures.kepuChinaShares],
    ['“科普中国”平均每人（篇）', f.perPerson.kepuChina],
    ['分享“科普湖南”文章（篇）', f.figures.kepuHunanShares],
    ['“科普湖南”平均每人（篇）', f.perPerson.kepuHunan],
  ]
}
