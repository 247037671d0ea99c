import type { MyTicket } from '../../types/api'
import { ticket } from '../support/activity-fixtures'
import { answerCloud, canvasNode, openPage, resetStorage, waitFor, wx, type RenderedPage } from './simulator'

// The first page of a file boots the whole app, which is slow on a busy machine.
jest.setTimeout(20_000)

let page: RenderedPage | undefined
const mine = (items: MyTicket[]) => ({ ok: true as const, data: { items, nextCursor: null } })

/** A Canvas 2D node whose context counts the squares drawn. */
function fakeCanvas() {
  const drawn = { rects: 0 }
  const ctx = { fillStyle: '', fillRect: () => void drawn.rects++ }
  canvasNode.current = { width: 0, height: 0, getContext: () => ctx }
  return drawn
}

beforeAll(() => resetStorage())
beforeEach(() => {
  wx.cloud.callFunction.mockReset()
  wx.navigateTo.mockClear()
  wx.setScreenBrightness.mockClear()
  canvasNode.current = null
})
afterEach(() => {
  page?.close()
  page = undefined
})

test('我的活动 renders the sign-ups from wx.cloud and a tap opens the code', async () => {
  answerCloud({
    'activity.mine': mine([
      ticket(),
      ticket({ id: 'tk-2', status: 'waitlisted', token: null }, { id: 'act-2', title: '农技服务下乡' }),
    ]),
  })
  page = openPage('packages/volunteer/pages/my-activities/index')
  await waitFor(() => expect(page!.text()).toContain('农技服务下乡'))
  expect(wx.cloud.callFunction).toHaveBeenCalledWith({
    name: 'activity',
    data: { action: 'mine', data: { tab: 'upcoming', limit: 20 } },
  })
  expect(page.text()).toContain('报名成功')
  expect(page.text()).toContain('候补中')
  await page.tap('防灾减灾科普进社区')
  await waitFor(() => expect(wx.navigateTo).toHaveBeenCalledTimes(1))
  expect(wx.navigateTo.mock.calls[0][0]).toMatchObject({ url: '/packages/volunteer/pages/ticket/index?id=tk-1' })
})

test('the ticket page draws the code on the canvas node, brightens the screen and opens offline', async () => {
  const drawn = fakeCanvas()
  answerCloud({ 'activity.mine': mine([ticket()]) })
  page = openPage('packages/volunteer/pages/ticket/index', { id: 'tk-1' })
  await waitFor(() => expect(page!.text()).toContain('刘*'))
  expect(page.text()).toContain('KPYY1-TICKET-TOKEN-0001')
  expect(page.text()).toContain('防灾减灾科普进社区')
  await waitFor(() => expect(drawn.rects).toBeGreaterThan(100))
  await waitFor(() => expect(wx.setScreenBrightness).toHaveBeenCalledWith(expect.objectContaining({ value: 1 })))
  page.close()
  // Leaving puts the brightness back.
  await waitFor(() => expect(wx.setScreenBrightness).toHaveBeenLastCalledWith(expect.objectContaining({ value: 0.4 })))

  // No network now: the copy kept on the phone opens.
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  wx.cloud.callFunction.mockRejectedValue(new Error('cloud.callFunction:fail network'))
  page = openPage('packages/volunteer/pages/ticket/index', { id: 'tk-1' })
  await waitFor(() => expect(page!.text()).toContain('网络不可用，显示的是保存在手机上的签到码'))
  expect(page.text()).toContain('KPYY1-TICKET-TOKEN-0001')
})
