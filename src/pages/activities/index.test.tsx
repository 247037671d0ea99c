import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ActivitySummary, Page } from '../../../types/api'
import type { Result } from '../../../types/result'
import { fireLifecycle } from '../../../test/support/taro-mock'
import { call } from '../../services/client'
import ActivitiesPage from './index'

jest.mock('../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

function activity(over: Partial<ActivitySummary>): ActivitySummary {
  return {
    id: 'a1',
    title: '防灾减灾科普进社区',
    type: 'lecture',
    focusTags: ['key_event'],
    status: 'open',
    team: { id: 't-heshan', name: '赫山区科技志愿者队', kind: 'county' },
    venueKind: 'community_center',
    address: '赫山区金银山街道社区服务中心',
    startAt: '2030-09-20T01:30:00.000Z',
    endAt: '2030-09-20T04:30:00.000Z',
    signupDeadline: '2030-09-19T10:00:00.000Z',
    capacity: 30,
    signedUp: 12,
    waiting: 0,
    audience: 'city',
    ...over,
  }
}

function page(items: ActivitySummary[], nextCursor: string | null = null): Result<Page<ActivitySummary>> {
  return { ok: true, data: { items, nextCursor } }
}

beforeEach(() => {
  callMock.mockReset()
  jest.mocked(Taro.stopPullDownRefresh).mockClear()
})

test('asks the activity function for the first page', async () => {
  callMock.mockResolvedValue(page([activity({})]))
  render(<ActivitiesPage />)
  await screen.findAllByTestId('activity-card')
  expect(callMock).toHaveBeenCalledWith('activity.list', { limit: 20 })
})

test('renders a card per activity with its labels, time and seats', async () => {
  callMock.mockResolvedValue(
    page([
      activity({}),
      activity({
        id: 'a2',
        title: '农技服务下乡',
        type: 'agriculture',
        status: 'finished',
        signedUp: 20,
        capacity: 20,
      }),
    ]),
  )
  render(<ActivitiesPage />)
  const cards = await screen.findAllByTestId('activity-card')
  expect(cards).toHaveLength(2)
  const first = within(cards[0])
  expect(first.getByText('防灾减灾科普进社区')).toBeTruthy()
  expect(first.getByText('科普报告')).toBeTruthy()
  expect(first.getByText('报名中')).toBeTruthy()
  expect(first.getByText('赫山区科技志愿者队')).toBeTruthy()
  expect(first.getByText('时间：2030年9月20日 周五 09:30–12:30')).toBeTruthy()
  expect(first.getByText('地点：赫山区金银山街道社区服务中心')).toBeTruthy()
  expect(first.getByText('已报名 12/30')).toBeTruthy()
  const second = within(cards[1])
  expect(second.getByText('农技服务')).toBeTruthy()
  expect(second.getByText('已结束')).toBeTruthy()
  expect(second.getByText('已报名 20/20')).toBeTruthy()
  expect(screen.getByTestId('list-footer').textContent).toBe('没有更多活动了')
})

test('shows loading until the first page arrives', () => {
  callMock.mockReturnValue(new Promise(() => undefined))
  render(<ActivitiesPage />)
  expect(screen.getByTestId('loading')).toBeTruthy()
})

test('says 暂无活动 when there are none', async () => {
  callMock.mockResolvedValue(page([]))
  render(<ActivitiesPage />)
  expect((await screen.findByTestId('empty')).textContent).toContain('暂无活动')
})

test('shows the error and retries on request', async () => {
  callMock.mockResolvedValueOnce({ ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' })
  render(<ActivitiesPage />)
  expect((await screen.findByTestId('error')).textContent).toContain('网络不可用，请稍后重试')
  callMock.mockResolvedValue(page([activity({})]))
  fireEvent.click(screen.getByRole('button', { name: '重试' }))
  expect(await screen.findAllByTestId('activity-card')).toHaveLength(1)
})

test('loads the next page with the cursor on reaching the bottom', async () => {
  callMock.mockResolvedValueOnce(page([activity({})], 'cursor-1'))
  render(<ActivitiesPage />)
  await screen.findAllByTestId('activity-card')
  expect(screen.getByTestId('list-footer').textContent).toBe('上拉加载更多')
  callMock.mockResolvedValueOnce(page([activity({ id: 'a2', title: '青少年科技教育进校园', type: 'youth' })]))
  await act(async () => {
    // Two events in a row must still load the page once.
    await Promise.all([fireLifecycle('reachBottom'), fireLifecycle('reachBottom')])
  })
  expect(callMock).toHaveBeenCalledTimes(2)
  expect(callMock).toHaveBeenLastCalledWith('activity.list', { limit: 20, cursor: 'cursor-1' })
  expect(screen.getAllByTestId('activity-card')).toHaveLength(2)
  expect(screen.getByText('青少年科技教育')).toBeTruthy()
  await act(() => fireLifecycle('reachBottom'))
  expect(callMock).toHaveBeenCalledTimes(2)
})

test('keeps the list and offers a retry when the next page fails', async () => {
  callMock.mockResolvedValueOnce(page([activity({})], 'cursor-1'))
  render(<ActivitiesPage />)
  await screen.findAllByTestId('activity-card')
  callMock.mockResolvedValueOnce({ ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' })
  await act(() => fireLifecycle('reachBottom'))
  expect(screen.getAllByTestId('activity-card')).toHaveLength(1)
  expect(screen.getByTestId('list-footer').textContent).toContain('网络不可用')
  callMock.mockResolvedValueOnce(page([activity({ id: 'a2' })]))
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
  })
  expect(screen.getAllByTestId('activity-card')).toHaveLength(2)
})

test('pull-down reloads the first page and stops the spinner', async () => {
  callMock.mockResolvedValueOnce(page([activity({})], 'cursor-1'))
  render(<ActivitiesPage />)
  await screen.findAllByTestId('activity-card')
  callMock.mockResolvedValueOnce(page([activity({ id: 'new', title: '新发布的活动' })]))
  await act(() => fireLifecycle('pullDownRefresh'))
  expect(callMock).toHaveBeenLastCalledWith('activity.list', { limit: 20 })
  expect(screen.getByText('新发布的活动')).toBeTruthy()
  expect(screen.getAllByTestId('activity-card')).toHaveLength(1)
  expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
})
