/** Answers of the report and export actions, for the forms, certificate and verification screens' tests. */
import type {
  Certificate,
  CertificateCheck,
  Dashboard,
  EnteredFigures,
  ExportedFile,
  FilingItem,
  FilingStatus,
  HighlightItem,
  PeriodView,
  ReportEntry,
  RosterPreview,
  RosterRow,
  StatisticsForm,
} from '../../types/api'
import { city, heshan } from './admin-fixtures'

export const PERIOD_ID = 'period-2024'

export const reportPeriod = (over: Partial<PeriodView> = {}): PeriodView => ({
  id: PERIOD_ID,
  name: '2024年度科技志愿服务',
  start: '2024-01-01',
  end: '2024-12-31',
  deadlines: [],
  targets: [],
  ...over,
})

export const blankFigures = (): EnteredFigures => ({
  museumTours: null,
  caravanTours: null,
  ruralTrainings: null,
  ruralTrainees: null,
  farmerContest: null,
  provinceContest: null,
  informants: null,
  kepuChinaShares: null,
  kepuHunanShares: null,
})

export function entry(over: Partial<ReportEntry> = {}): ReportEntry {
  return {
    teamId: heshan.id,
    periodId: PERIOD_ID,
    figures: { ...blankFigures(), museumTours: 3, informants: 4, kepuChinaShares: 45 },
    coverage: { museum: true, caravan: null },
    highlightIds: [],
    updatedAt: null,
    ...over,
  }
}

export function highlight(over: Partial<HighlightItem> = {}): HighlightItem {
  return {
    activityId: 'act-1',
    title: '防灾减灾科普进社区',
    team: heshan,
    startAt: '2024-05-12T01:30:00.000Z',
    address: '赫山区金银山街道社区服务中心',
    checkedIn: 12,
    peopleServed: 300,
    content: '讲解地震、洪水来临时的避险要点。',
    effect: '居民反响热烈。',
    ...over,
  }
}

export function rosterRow(no: number, over: Partial<RosterRow> = {}): RosterRow {
  return { no, name: `赵*${no}`, gender: 'male', employer: '赫山区科协', position: '干事', ...over }
}

export function roster(
  rows: RosterRow[] = [rosterRow(1), rosterRow(2, { gender: 'female', position: '' })],
  nextCursor: string | null = null,
): RosterPreview {
  return { unit: heshan, date: '2024-09-18', total: 3, asOf: null, page: { items: rows, nextCursor } }
}

export function statistics(over: Partial<StatisticsForm> = {}): StatisticsForm {
  return {
    unit: heshan,
    period: { id: PERIOD_ID, name: '2024年度科技志愿服务', start: '2024-01-01', end: '2024-12-31' },
    date: '2024-12-10',
    teams: { members: 126, built: 2, builtMembers: 130 },
    activities: {
      sinceYear: 2024,
      sinceMonth: 1,
      total: 9,
      byType: { lecture: 4, training: 2, consulting: 1, agriculture: 1, medical: 1, youth: 0, other: 0 },
      byFocus: { key_event: 3, public_concern: 5, key_group: 2 },
      experts: 57,
      served: 1820,
    },
    highlights: [],
    figures: { ...blankFigures(), museumTours: 3, informants: 4, kepuChinaShares: 45 },
    coverage: { museum: { kind: 'own', value: true }, caravan: { kind: 'own', value: null } },
    perPerson: { kepuChina: 11.3, kepuHunan: null },
    notEntered: [{ id: 'team-heshan-longguangqiao', name: '龙光桥街道科技志愿者服务分队', kind: 'township' }],
    due: '2024-12-15',
    ...over,
  }
}

const noTypes = { lecture: 0, training: 0, consulting: 0, agriculture: 0, medical: 0, youth: 0, other: 0 }

/** 赫山's 数据看板: 8 activities over three months, one focus tag never covered, 126 of 500 people. */
export function dashboard(over: Partial<Dashboard> = {}): Dashboard {
  return {
    unit: heshan,
    period: { id: PERIOD_ID, name: '2024年度科技志愿服务', start: '2024-01-01', end: '2024-03-31' },
    months: [
      { month: '2024-01', byType: { ...noTypes, lecture: 2 }, total: 2 },
      { month: '2024-02', byType: { ...noTypes }, total: 0 },
      { month: '2024-03', byType: { ...noTypes, lecture: 2, training: 2, medical: 2 }, total: 6 },
    ],
    total: 8,
    byType: { ...noTypes, lecture: 4, training: 2, medical: 2 },
    byFocus: { key_event: 3, public_concern: 5, key_group: 0 },
    experts: 57,
    served: 1820,
    members: 126,
    target: { founding: 100, goal: 500, goalDate: '2024-12-31' },
    deadlines: [
      { key: 'roster', label: '报送《科技志愿者支队基本情况表》（附件2）', due: '2024-09-18', state: 'done' },
      { key: 'statistics', label: '报送《活动情况统计表》（附件3）', due: '2024-12-15', state: 'overdue' },
    ],
    ...over,
  }
}

export function filing(over: Partial<FilingItem> = {}): FilingItem {
  return {
    id: 'filing-1',
    form: 'statistics',
    team: heshan,
    periodId: PERIOD_ID,
    version: 1,
    by: '赫山区科协管理员',
    at: '2024-12-09T02:00:00.000Z',
    rows: null,
    statistics: null,
    ...over,
  }
}

export function filingStatus(): FilingStatus[] {
  return [
    {
      team: { ...heshan, parentId: city.id, depth: 1 },
      due: { roster: '2024-09-18', statistics: '2024-12-15' },
      latest: { roster: { version: 1, at: '2024-09-17T02:00:00.000Z' }, statistics: null },
    },
  ]
}

export const exported = (over: Partial<ExportedFile> = {}): ExportedFile => ({
  fileID: 'cloud://env/exports/x.xlsx',
  url: 'https://storage.example/x.xlsx',
  fileName: '附件3 活动情况统计表.xlsx',
  bytes: 12_000,
  rows: 0,
  ...over,
})

export function certificate(over: Partial<Certificate> = {}): Certificate {
  return {
    serial: 'ZM2024000123',
    code: 'AB12CD34',
    name: '刘洋',
    gender: 'male',
    issuer: heshan,
    rows: [
      {
        activityId: 'act-1',
        title: '防灾减灾科普进社区',
        team: heshan,
        date: '2024-05-12',
        scannedHours: 3,
        makeupHours: 0,
      },
      {
        activityId: 'act-2',
        title: '农技下乡',
        team: heshan,
        date: '2024-06-02',
        scannedHours: 0,
        makeupHours: 2.5,
      },
    ],
    totalScannedHours: 3,
    totalMakeupHours: 2.5,
    totalHours: 5.5,
    issuedOn: '2024-12-01',
    hoursRule: '服务时长以签到、签退时间计算，按 0.5 小时取整。',
    ...over,
  }
}

export function check(over: Partial<CertificateCheck> = {}): CertificateCheck {
  return {
    valid: true,
    serial: 'ZM2024000123',
    nameMasked: '刘*',
    issuer: heshan,
    totalHours: 5.5,
    rows: 2,
    issuedOn: '2024-12-01',
    ...over,
  }
}
