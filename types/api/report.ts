/**
 * The report function: the notice's two forms (附件2 基本情况表, 附件3 活动情况统计表) computed for a
 * team and a reporting period and rolled up the tree, the figures entered per team and period,
 * filing, and the volunteer's 服务记录证明 (DOMAIN.md "Forms the teams file with the city", "How the
 * forms count", "Service records and certificates").
 */
import type { ActivityType, FocusTag, Gender, TeamKind } from '../enums'
import type { Page, TeamRef } from './common'
import type { DeadlineView } from './team'

/** The two forms, keyed like the reporting period's deadlines. */
export type FormKind = 'roster' | 'statistics'

/** One row of 附件2. In a preview the name is masked; the export carries it in full. */
export interface RosterRow {
  /** 序号, 1…n in the order people first joined a team of the unit's subtree. */
  no: number
  name: string
  gender: Gender
  /** 单位 */
  employer: string
  /** 职务/职称; blank stays blank. */
  position: string
}

/** 附件2 科技志愿者支队基本情况表. */
export interface RosterPreview {
  /** 单位: the team's own name. */
  unit: TeamRef
  /** 填报日期, YYYY-MM-DD China time. */
  date: string
  /** The unit's members (n). */
  total: number
  /** The last day the roster covers when asked for a period (its end), null for the members now. */
  asOf: string | null
  page: Page<RosterRow>
}

/**
 * The figures a team enters for a period (服务阵地, 科技惠民(农), 网络动员). Null is "not entered",
 * which is not the same as 0.
 */
export interface EnteredFigures {
  /** 流动科技馆巡展（）次 */
  museumTours: number | null
  /** 科普大篷车巡展（）次 */
  caravanTours: number | null
  /** 开展农村重点人群科学素质培训培育（）次 */
  ruralTrainings: number | null
  /** 培训（）人次 */
  ruralTrainees: number | null
  /** 组织参加全国农民科学素质网络知识竞赛（）人次 */
  farmerContest: number | null
  /** 组织参加湖南省科学素质网络大赛（）人次 */
  provinceContest: number | null
  /** 已建立（）人的科普中国信息员队伍 */
  informants: number | null
  /** 分享“科普中国”文章（）篇 */
  kepuChinaShares: number | null
  /** 分享“科普湖南”文章（）篇 */
  kepuHunanShares: number | null
}
export type FigureKey = keyof EnteredFigures

/** 是否在全县基本覆盖: a county's own answer (null: not answered). */
export interface CoverageAnswers {
  museum: boolean | null
  caravan: boolean | null
}

/** Coverage as the form shows it: a county's own 是/否, "n of m counties 是" above, nothing for a society. */
export type CoverageView =
  { kind: 'own'; value: boolean | null } | { kind: 'counties'; yes: number; of: number } | { kind: 'none' }

/** A team's own entry for a period. */
export interface ReportEntry {
  teamId: string
  periodId: string
  figures: EnteredFigures
  coverage: CoverageAnswers
  /** The 1–2 highlight activities chosen for the form. */
  highlightIds: string[]
  updatedAt: string | null
}

/** A counted activity with a write-up: a candidate for the form's 亮点活动. */
export interface HighlightItem {
  activityId: string
  title: string
  team: TeamRef
  startAt: string
  address: string
  /** 参与服务专家人次 */
  checkedIn: number
  /** 受众人数 (接受服务的群众人次); null when never entered. */
  peopleServed: number | null
  content: string
  effect: string
}

/** 附件3 科技志愿服务活动情况统计表 for a unit and a period. */
export interface StatisticsForm {
  unit: TeamRef
  period: { id: string; name: string; start: string; end: string }
  /** 填报日期 */
  date: string
  /** 志愿队伍 */
  teams: {
    /** 已建立（）人的科技志愿支队: the unit's members. */
    members: number
    /** 已建立（）支科技志愿者队: county teams and township sub-teams of the subtree. */
    built: number
    /** 人数（）: their distinct members. */
    builtMembers: number
  }
  /** 志愿活动 */
  activities: {
    /** "（）月以来": the period's first month. */
    sinceYear: number
    sinceMonth: number
    total: number
    byType: Record<ActivityType, number>
    byFocus: Record<FocusTag, number>
    /** 参与服务的专家人次 */
    experts: number
    /** 接受服务的群众人次 */
    served: number
  }
  /** The chosen 亮点活动 (1–2). */
  highlights: HighlightItem[]
  /** Entered figures summed over the subtree. */
  figures: EnteredFigures
  coverage: { museum: CoverageView; caravan: CoverageView }
  /** 平均每人（）篇: articles ÷ 信息员, one decimal, null when it cannot be computed. */
  perPerson: { kepuChina: number | null; kepuHunan: number | null }
  /** Teams below that have to file and have not entered their figures for the period yet. */
  notEntered: TeamRef[]
  /** The period's 附件3 deadline for this kind of team, if any. */
  due: string | null
}

export interface FilingItem {
  id: string
  form: FormKind
  team: TeamRef
  periodId: string
  /** 1 for the first filing of this form and period, then 2, 3…; older ones stay as history. */
  version: number
  by: string
  at: string
  /** 附件2: the number of rows filed; 附件3: the figures as filed. */
  rows: number | null
  statistics: StatisticsForm | null
}

/** Per team of the subtree: the latest filing of each form for the period (null: not filed). */
export interface FilingStatus {
  team: TeamRef & { parentId: string | null; depth: number }
  /** The form's deadline applies to this kind of team in this period. */
  due: Record<FormKind, string | null>
  latest: Record<FormKind, { version: number; at: string } | null>
}

/** 数据看板: a team's period at a glance (its own activities and every team's below it). */
export interface Dashboard {
  unit: TeamRef
  period: { id: string; name: string; start: string; end: string }
  /** Months of the period, "YYYY-MM", with the activities started in each, by type. */
  months: { month: string; byType: Record<ActivityType, number>; total: number }[]
  /** Counted activities of the period (as 附件3 counts them). */
  total: number
  byType: Record<ActivityType, number>
  /** Activities per focus tag; a tag at 0 is one the team has still to cover. */
  byFocus: Record<FocusTag, number>
  /** 参与服务的专家人次 (check-ins). */
  experts: number
  /** 接受服务的群众人次 */
  served: number
  members: number
  /** The period's size target for this kind of team, if it sets one. */
  target: { founding: number; goal: number; goalDate: string } | null
  /** The period's deadlines for this kind of team, with their state as the team page shows it. */
  deadlines: DeadlineView[]
}

/** One line of a 服务记录证明: an activity the volunteer served at. */
export interface CertificateRow {
  activityId: string
  title: string
  /** 组织单位 */
  team: TeamRef
  /** China day of the activity, YYYY-MM-DD. */
  date: string
  /** 服务时间 from check-in and check-out (信用时长), in hours. */
  scannedHours: number
  /** 补录 hours, told apart from scanned ones. */
  makeupHours: number
}

/** 服务记录证明 issued by a team (记录单位) for a volunteer. */
export interface Certificate {
  /** 编号 */
  serial: string
  /** 核验码: whoever holds the certificate checks it on the public verification page. */
  code: string
  name: string
  gender: Gender
  /** The issuing team (谁记录谁证明). */
  issuer: TeamRef
  rows: CertificateRow[]
  totalScannedHours: number
  totalMakeupHours: number
  totalHours: number
  /** 出具日期, YYYY-MM-DD China time. */
  issuedOn: string
  /** The hours rule in words, printed on the certificate. */
  hoursRule: string
}

/** What the public page tells about a certificate: enough to compare with the paper, nothing more. */
export interface CertificateCheck {
  valid: boolean
  /** Present when valid. */
  serial: string | null
  nameMasked: string | null
  issuer: TeamRef | null
  totalHours: number | null
  rows: number | null
  issuedOn: string | null
}

export interface ReportApi {
  /** 附件2 for a team and its subtree, paged; names masked. With a period: the members as of its end. */
  'report.roster': {
    req: { teamId: string; periodId?: string; cursor?: string; limit?: number }
    res: RosterPreview
  }
  /** 附件3 for a team and a period. */
  'report.statistics': { req: { teamId: string; periodId: string }; res: StatisticsForm }
  /** The team's own entry for the period and the highlight candidates to choose from. */
  'report.entry': {
    req: { teamId: string; periodId: string }
    res: { entry: ReportEntry; candidates: HighlightItem[]; teamKind: TeamKind }
  }
  'report.saveEntry': {
    req: {
      teamId: string
      periodId: string
      figures: EnteredFigures
      coverage: CoverageAnswers
      /** Left out: the highlights stay as saved (report.saveHighlights), whoever chose them. */
      highlightIds?: string[]
    }
    res: ReportEntry
  }
  /**
   * The 1–2 亮点活动 of the period alone, chosen from the counted write-ups of the team's subtree; the
   * entered figures stay as they are (and a team that has entered none still counts as not entered).
   */
  'report.saveHighlights': {
    req: { teamId: string; periodId: string; highlightIds: string[] }
    res: ReportEntry
  }
  /** Submits a form for a period: a frozen snapshot with who and when; earlier filings stay. */
  'report.file': { req: { teamId: string; periodId: string; form: FormKind }; res: FilingItem }
  /** The filings of one team and period, newest first (the history). */
  'report.filings': { req: { teamId: string; periodId: string }; res: FilingItem[] }
  /** The subtree's teams and whether each has filed each form for the period. */
  'report.filingStatus': { req: { teamId: string; periodId: string }; res: FilingStatus[] }
  'report.dashboard': { req: { teamId: string; periodId: string }; res: Dashboard }
  /** The caller's 服务记录证明 from a team; issuing is logged. */
  'report.certificate': { req: { teamId: string }; res: Certificate }
  /** The teams that can certify the caller's service (they organized activities the caller served at). */
  'report.certificateIssuers': { req: Record<string, never>; res: TeamRef[] }
  /** Public: anyone checks a certificate's serial and code. */
  'report.verifyCertificate': { req: { serial: string; code: string }; res: CertificateCheck }
}
