import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as taro from '@tarojs/taro'
import { ok } from '../../../../../test/support/admin-fixtures'
import { answerCalls, sent, type Answers } from '../../../../../test/support/answer-calls'
import {
  entry,
  exported,
  filing,
  filingStatus,
  highlight,
  PERIOD_ID,
  reportPeriod,
  roster,
  statistics,
} from '../../../../../test/support/report-fixtures'
import { call } from '../../../../services/client'
import { files } from '../../../../services/files'
import FormsPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
jest.mock('../../../../services/files', () => ({ files: { openExport: jest.fn() } }))
const callMock = call as jest.MockedFunction<typeof call>
const openExport = jest.mocked(files.openExport)

const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el)
  })
}
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } })

beforeEach(() => {
  callMock.mockReset()
  openExport.mockReset()
  jest.mocked(Taro.showModal).mockClear()
  jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: 'team-heshan' }, path: '' } as never)
})
afterEach(() => jest.restoreAllMocks())

function answers(over: Answers = {}): Answers {
  return {
    'admin.periods': ok([reportPeriod()]),
    'report.statistics': ok(statistics()),
    'report.entry': ok({ entry: entry(), candidates: [highlight()], teamKind: 'county' }),
    'report.roster': ok(roster()),
    'report.filings': ok([filing()]),
    'report.filingStatus': ok(filingStatus()),
    'report.saveEntry': (d) => ok({ ...entry(), ...d, updatedAt: '2024-12-01T00:00:00.000Z' }),
    'report.file': (d) => ok(filing({ form: d.form, version: 2 })),
    'spreadsheet.exportStatistics': ok(exported()),
    'spreadsheet.exportRoster': ok(exported({ fileName: '附件2.xlsx', rows: 3 })),
    ...over,
  }
}

async function open(over: Answers = {}) {
  answerCalls(callMock, answers(over))
  render(<FormsPage />)
  await screen.findByTestId('sections')
}

test('lays out 附件3 in the notice’s sentences with the computed figures, and who has not entered', async () => {
  await open()
  expect(sent(callMock, 'report.statistics')).toEqual([{ teamId: 'team-heshan', periodId: PERIOD_ID }])
  const text = screen.getByTestId('sections').textContent
  expect(text).toContain('已建立（126）人的科技志愿支队')
  expect(text).toContain('共组织科技志愿服务活动（9）次')
  expect(text).toContain('参与服务的专家有（57）人次')
  expect(text).toContain('平均每人（11.3）篇')
  expect(screen.getByTestId('not-entered').textContent).toContain('龙光桥街道科技志愿者服务分队')
})

test('shows 附件2’s header and masked rows', async () => {
  await open()
  await click(screen.getByTestId('tab-roster'))
  await screen.findByTestId('roster')
  expect(screen.getByTestId('roster').textContent).toContain('单位：赫山区科技志愿者队')
  expect(screen.getByTestId('roster-row-1').textContent).toBe('1赵*1男赫山区科协干事')
  expect(screen.getByTestId('roster-row-2').textContent).toBe('2赵*2女赫山区科协')
})

test('导出 calls the export and opens the file', async () => {
  openExport.mockResolvedValue({ ok: true, data: undefined })
  await open()
  await click(within(screen.getByTestId('statistics')).getByText('导出 Excel'))
  expect(sent(callMock, 'spreadsheet.exportStatistics')).toEqual([{ teamId: 'team-heshan', periodId: PERIOD_ID }])
  expect(openExport).toHaveBeenCalledWith('https://storage.example/x.xlsx', '附件3 活动情况统计表.xlsx')
})

test('a failed download is said plainly', async () => {
  openExport.mockResolvedValue({
    ok: false,
    cancelled: false,
    message: '表格已生成，但下载或打开失败，请检查网络后重试',
  })
  await open()
  await click(within(screen.getByTestId('statistics')).getByText('导出 Excel'))
  expect(screen.getByTestId('export-error').textContent).toContain('下载或打开失败')
})

test('the entry form refuses a negative count and a fraction, naming each field, and sends nothing', async () => {
  await open()
  await click(screen.getByTestId('tab-entry'))
  type('fig-museumTours-input', '-2')
  type('fig-ruralTrainees-input', '2.5')
  await click(within(screen.getByTestId('entry')).getByText('保存'))
  expect(screen.getByTestId('fig-museumTours-error').textContent).toBe('流动科技馆巡展次数不能为负数')
  expect(screen.getByTestId('fig-ruralTrainees-error').textContent).toBe('培训人次应为整数')
  expect(sent(callMock, 'report.saveEntry')).toEqual([])
})

test('the entry form saves blanks as null and shows the average derived', async () => {
  await open()
  await click(screen.getByTestId('tab-entry'))
  expect(screen.getByTestId('avg-kepuChinaShares').textContent).toBe('平均每人 11.3 篇')
  type('fig-caravanTours-input', '0')
  await click(screen.getByTestId('cov-caravan-no'))
  await click(within(screen.getByTestId('entry')).getByText('保存'))
  expect(sent(callMock, 'report.saveEntry')).toEqual([
    {
      teamId: 'team-heshan',
      periodId: PERIOD_ID,
      figures: { ...entry().figures, caravanTours: 0 },
      // No highlights: they stay as saved by their own button (report.saveHighlights).
      coverage: { museum: true, caravan: false },
    },
  ])
})

test('filing confirms, then sends the form for the team and period', async () => {
  await open()
  await click(screen.getByTestId('tab-filing'))
  await screen.findByText(/第 1 次报送/)
  await click(screen.getByTestId('file-statistics'))
  expect(Taro.showModal).toHaveBeenCalled()
  expect(sent(callMock, 'report.file')).toEqual([{ teamId: 'team-heshan', periodId: PERIOD_ID, form: 'statistics' }])
  expect(screen.getByTestId('filing-status').textContent).toContain('附件3：未报送 · 截止 2024-12-15')
})

test('亮点活动 are saved on their own, whatever is half-typed in the entry form', async () => {
  await open({ 'report.saveHighlights': (d) => ok({ ...entry(), highlightIds: d.highlightIds }) })
  await click(screen.getByTestId('tab-entry'))
  type('fig-museumTours-input', '-2')
  await click(screen.getByTestId('tab-statistics'))
  await click(screen.getByTestId('highlight-act-1'))
  await click(screen.getByText('保存亮点活动'))
  expect(sent(callMock, 'report.saveHighlights')).toEqual([
    { teamId: 'team-heshan', periodId: PERIOD_ID, highlightIds: ['act-1'] },
  ])
  expect(sent(callMock, 'report.saveEntry')).toEqual([])
  // The draft survives the save.
  expect((screen.getByTestId('fig-museumTours-input') as HTMLInputElement).value).toBe('-2')
})

test('a refused highlight save says why under its button', async () => {
  await open({
    'report.saveHighlights': {
      ok: false,
      code: 'HIGHLIGHT_NOT_ELIGIBLE',
      message: '亮点活动须为本队伍（含下级）本周期已开展、填写了服务内容的活动',
    },
  })
  await click(screen.getByTestId('highlight-act-1'))
  await click(screen.getByText('保存亮点活动'))
  expect(screen.getByTestId('highlights-error').textContent).toContain('亮点活动须为本队伍')
})

test('附件2 as of the period’s end: the preview and the export ask for the period', async () => {
  openExport.mockResolvedValue({ ok: true, data: undefined })
  await open({
    'report.roster': (d) => ok({ ...roster(), asOf: d.periodId ? '2024-12-31' : null }),
  })
  await click(screen.getByTestId('tab-roster'))
  await screen.findByTestId('roster')
  expect(screen.getByTestId('roster').textContent).not.toContain('名单截至')
  await click(screen.getByTestId('roster-period'))
  await screen.findByText('名单截至：2024-12-31')
  expect(sent(callMock, 'report.roster')).toEqual([
    { teamId: 'team-heshan' },
    { teamId: 'team-heshan', periodId: PERIOD_ID },
  ])
  await click(within(screen.getByTestId('roster')).getByText('导出 Excel'))
  expect(sent(callMock, 'spreadsheet.exportRoster')).toEqual([{ teamId: 'team-heshan', periodId: PERIOD_ID }])
})
