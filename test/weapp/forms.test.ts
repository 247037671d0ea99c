/**
 * The forms screen of the admin subpackage, from the production build: 附件3 renders the cloud's
 * figures in the notice's sentences, and 导出 Excel downloads the file and opens it in WeChat's viewer;
 * 数据看板 draws its bars with their numbers.
 */
import { ok } from '../support/admin-fixtures'
import { dashboard, entry, exported, highlight, reportPeriod, statistics } from '../support/report-fixtures'
import { answerCloud, openPage, waitFor, wx, type RenderedPage } from './simulator'

// Taro copies wx's APIs once at start: the ones the export uses must exist before app.js loads.
const downloadFile = jest.fn((o: { success?: (r: unknown) => void }) =>
  o.success?.({ errMsg: 'downloadFile:ok', statusCode: 200, tempFilePath: 'wxfile://tmp/form.xlsx' }),
)
const openDocument = jest.fn((o: { success?: (r: unknown) => void }) => o.success?.({ errMsg: 'openDocument:ok' }))
Object.assign(wx, { downloadFile, openDocument })

jest.setTimeout(20_000)

let page: RenderedPage | undefined
afterEach(() => page?.close())

test('the forms screen shows 附件3 for the team and period, and 导出 opens the spreadsheet', async () => {
  wx.cloud.callFunction.mockReset()
  answerCloud({
    'admin.periods': ok([reportPeriod()]),
    'report.statistics': ok(statistics()),
    'report.entry': ok({ entry: entry(), candidates: [highlight()], teamKind: 'county' }),
    'spreadsheet.exportStatistics': ok(exported()),
  })
  page = openPage('packages/admin/pages/forms/index', { id: 'team-heshan' })
  await waitFor(() => expect(page!.text()).toContain('共组织科技志愿服务活动（9）次'), 8000)
  expect(page.text()).toContain('已建立（126）人的科技志愿支队')
  expect(page.text()).toContain('龙光桥街道科技志愿者服务分队')
  expect(wx.cloud.callFunction).toHaveBeenCalledWith({
    name: 'report',
    data: { action: 'statistics', data: { teamId: 'team-heshan', periodId: 'period-2024' } },
  })

  await page.tap('导出 Excel')
  await waitFor(() => expect(openDocument).toHaveBeenCalled())
  expect(downloadFile.mock.calls[0][0]).toMatchObject({ url: 'https://storage.example/x.xlsx' })
  expect(openDocument.mock.calls[0][0]).toMatchObject({
    filePath: 'wxfile://tmp/form.xlsx',
    fileType: 'xlsx',
    showMenu: true,
  })
})

test('数据看板 draws the team’s period as bars with their numbers', async () => {
  wx.cloud.callFunction.mockReset()
  answerCloud({ 'admin.periods': ok([reportPeriod()]), 'report.dashboard': ok(dashboard()) })
  page = openPage('packages/admin/pages/dashboard/index', { id: 'team-heshan' })
  await waitFor(() => expect(page!.text()).toContain('本周期共开展活动 8 次'), 8000)
  expect(page.text()).toContain('科普报告4 次')
  expect(page.text()).toContain('2024年3月6 次')
  expect(page.text()).toContain('结合农村妇女、青少年等重点人群尚未开展')
  expect(page.text()).toContain('126 / 500 人（25%）')
  expect(wx.cloud.callFunction).toHaveBeenCalledWith({
    name: 'report',
    data: { action: 'dashboard', data: { teamId: 'team-heshan', periodId: 'period-2024' } },
  })
})
