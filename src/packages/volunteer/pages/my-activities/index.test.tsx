import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MyTicket, Page } from '../../../../../types/api'
import type { Result } from '../../../../../types/result'
import { ok, ticket } from '../../../../../test/support/activity-fixtures'
import { sent } from '../../../../../test/support/answer-calls'
import { resetStorage } from '../../../../../test/support/taro-mock'
import { call } from '../../../../services/client'
import { loadTickets } from '../../../../services/ticket-store'
import MyActivitiesPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

const OFFLINE = { ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' } as const
const page = (items: MyTicket[]): Result<Page<MyTicket>> => ok({ items, nextCursor: null })

beforeEach(() => {
  callMock.mockReset()
  resetStorage()
  jest.mocked(Taro.navigateTo).mockClear()
})

test('lists upcoming sign-ups with their states and notes', async () => {
  callMock.mockResolvedValue(
    page([
      ticket(),
      ticket({ id: 'tk-2', status: 'waitlisted', token: null }, { id: 'act-2', title: '农技服务下乡' }),
      ticket({ id: 'tk-3', promotedAt: '2030-09-02T00:00:00.000Z', changed: true }, { id: 'act-3', title: '义诊' }),
      ticket({ id: 'tk-4' }, { id: 'act-4', title: '机器人进校园', status: 'cancelled', cancelReason: '学校停课' }),
    ]),
  )
  render(<MyActivitiesPage />)
  const statuses = (await screen.findAllByTestId('ticket-status')).map((s) => s.textContent)
  expect(statuses).toEqual(['报名成功', '候补中', '报名成功', '活动已取消'])
  expect(screen.getAllByTestId('ticket-note').map((n) => n.textContent)).toEqual([
    '时间地点有变更',
    '候补转正',
    '活动已取消：学校停课',
  ])
  expect(sent(callMock, 'activity.mine')).toEqual([{ tab: 'upcoming', limit: 20 }])
})

test('a confirmed ticket opens the code; a waitlisted one opens the activity', async () => {
  callMock.mockResolvedValue(
    page([ticket(), ticket({ id: 'tk-2', status: 'waitlisted', token: null }, { id: 'act-2' })]),
  )
  render(<MyActivitiesPage />)
  const rows = await screen.findAllByTestId('ticket-row')
  fireEvent.click(rows[0])
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/volunteer/pages/ticket/index?id=tk-1' })
  fireEvent.click(rows[1])
  expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/volunteer/pages/activity/index?id=act-2' })
})

test('已结束 asks for past sign-ups', async () => {
  callMock.mockResolvedValueOnce(page([ticket()])).mockResolvedValueOnce(page([]))
  render(<MyActivitiesPage />)
  await screen.findAllByTestId('ticket-row')
  await act(async () => {
    fireEvent.click(screen.getByTestId('tab-past'))
  })
  expect(sent(callMock, 'activity.mine').at(-1)).toEqual({ tab: 'past', limit: 20 })
  expect((await screen.findByTestId('empty')).textContent).toContain('还没有已结束的活动')
})

test('已结束 marks each activity 已签退 with its hours, 已签到 or 未签到', async () => {
  const past = (id: string, attendance: MyTicket['attendance']) =>
    ticket({ id, token: null, attendance }, { id: `act-${id}`, status: 'finished' })
  callMock
    .mockResolvedValueOnce(page([]))
    .mockResolvedValueOnce(
      page([
        past('tk-1', { checkedIn: true, checkedOut: true, hours: 3 }),
        past('tk-2', { checkedIn: true, checkedOut: false, hours: 0 }),
        past('tk-3', { checkedIn: false, checkedOut: false, hours: 0 }),
      ]),
    )
  render(<MyActivitiesPage />)
  await screen.findByTestId('empty')
  await act(async () => {
    fireEvent.click(screen.getByTestId('tab-past'))
  })
  const marks = (await screen.findAllByTestId('ticket-attendance')).map((m) => m.textContent)
  expect(marks).toEqual(['签到情况：已签退 · 3 小时', '签到情况：已签到', '签到情况：未签到'])
})

test('no sign-ups yet points to the 活动 tab', async () => {
  callMock.mockResolvedValue(page([]))
  render(<MyActivitiesPage />)
  expect((await screen.findByTestId('empty')).textContent).toContain('还没有报名的活动')
  fireEvent.click(screen.getByRole('button', { name: '去看看活动' }))
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/activities/index' })
})

test('keeps the upcoming tickets on the phone and shows them when offline', async () => {
  callMock.mockResolvedValue(page([ticket()]))
  const first = render(<MyActivitiesPage />)
  await screen.findAllByTestId('ticket-row')
  await act(async () => undefined)
  expect((await loadTickets()).map((t) => t.token)).toEqual(['KPYY1-TICKET-TOKEN-0001'])
  first.unmount()

  callMock.mockResolvedValue(OFFLINE)
  render(<MyActivitiesPage />)
  expect(await screen.findByText('网络不可用，显示的是保存在手机上的签到码')).toBeTruthy()
  expect(screen.getAllByTestId('ticket-row')).toHaveLength(1)
})

test('offline with nothing kept shows the error with 重试', async () => {
  callMock.mockResolvedValue(OFFLINE)
  render(<MyActivitiesPage />)
  expect((await screen.findByTestId('error')).textContent).toContain('网络不可用')
})
