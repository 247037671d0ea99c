import type { ActivityEditView, CheckinPack, ScanOutcome } from '../../types/api'
import { editView, input } from '../support/activity-fixtures'
import { answerCloud, openPage, resetStorage, scanResults, waitFor, wx, type RenderedPage } from './simulator'

jest.setTimeout(20_000)

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})
beforeAll(() => resetStorage())

const now = Date.now()
const running: ActivityEditView = editView({
  stage: 'published',
  status: 'ongoing',
  signedUp: 12,
  input: input({
    startAt: new Date(now - 3_600_000).toISOString(),
    endAt: new Date(now + 3_600_000).toISOString(),
  }),
})
const pack: CheckinPack = {
  activity: {
    id: 'act-1',
    title: '防灾减灾科普进社区',
    startAt: running.input.startAt,
    endAt: running.input.endAt,
    address: '',
  },
  publicKey: 'ab'.repeat(32),
  tickets: [{ tid: 'AAAAAAAAAAAAA', ticketId: 'tk-1', nameMasked: '刘*', checkedInAt: null }],
  revoked: [],
  takenAt: new Date(now).toISOString(),
}
const done = (nonce: string): ScanOutcome => ({
  nonce,
  result: 'done',
  code: null,
  message: '签到成功',
  ticketId: 'tk-1',
  nameMasked: '刘*',
  first: null,
  hours: null,
})

test('the scan page renders in the weapp build, scans with wx.scanCode and shows 签到成功', async () => {
  wx.cloud.callFunction.mockReset()
  answerCloud({
    'activity.organized': { ok: true, data: { items: [running], nextCursor: null } },
    'checkin.pack': { ok: true, data: pack },
    'checkin.scan': (data) => ({ ok: true, data: done((data.scan as { nonce: string }).nonce) }),
  })
  page = openPage('packages/organizer/pages/scan/index')
  await waitFor(() => expect(page!.text()).toContain('已签到 0 / 已报名 12'))
  expect(page.text()).toContain('防灾减灾科普进社区')
  await waitFor(() => expect(page!.text()).toContain('离线包：1 人'))
  expect(wx.onNetworkStatusChange).toHaveBeenCalled()

  scanResults.push('KPSCANNED-TOKEN')
  await page.tap('扫码签到')
  await waitFor(() => expect(page!.text()).toContain('签到成功'))
  expect(page.text()).toContain('刘*')
  expect(wx.scanCode).toHaveBeenCalledWith(expect.objectContaining({ onlyFromCamera: true, scanType: ['qrCode'] }))
  const scanCall = wx.cloud.callFunction.mock.calls.find(([c]) => c.data.action === 'scan')![0]
  expect(scanCall).toMatchObject({
    name: 'checkin',
    data: { action: 'scan', data: { activityId: 'act-1', scan: { token: 'KPSCANNED-TOKEN', mode: 'in' } } },
  })
  expect(wx.vibrateShort).toHaveBeenCalled()
  // The camera opens again after the result, and closing it ends the loop.
  await waitFor(() => expect(wx.scanCode).toHaveBeenCalledTimes(2), 4000)
  expect(page.text()).toContain('已签到 1 / 已报名 12')
})
