import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ActivityListQuery, ActivitySummary, Page, TeamNode } from '../../../types/api'
import type { Result } from '../../../types/result'
import { sent } from '../../../test/support/answer-calls'
import { levelsOf } from '../../../test/support/team-levels'
import { fireLifecycle } from '../../../test/support/taro-mock'
import { call } from '../../services/client'
import ActivitiesPage from './index'
import { toCard, toListQuery, NO_FILTERS } from './use-activities'

jest.mock('../../services/client', () => ({ call: jest.fn() }))
jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  Picker: jest.requireActual('../../../test/support/picker-mock').Picker,
}))
const callMock = call as jest.MockedFunction<typeof call>

const TREE: TeamNode[] = [
  { id: 't-city', name: '益阳市支队', kind: 'city', parentId: null, depth: 0 },
  { id: 't-heshan', name: '赫山区科技志愿者队', kind: 'county', parentId: 't-city', depth: 1 },
  { id: 't-longguang', name: '龙光桥街道分队', kind: 'township', parentId: 't-heshan', depth: 2 },
  { id: 't-anhua', name: '安化县科技志愿者队', kind: 'county', parentId: 't-city', depth: 1 },
  { id: 't-medical', name: '市医学会支队', kind: 'society', parentId: 't-city', depth: 1 },
]

const levels = levelsOf(TREE)

/** Answers team.tree with TREE's levels and each activity.list with the next of `pages` (the last one repeats). */
function answerList(...pages: Result<Page<ActivitySummary>>[]) {
  let i = 0
  callMock.mockImplementation((async (action: string, data: unknown) => {
    if (action === 'team.tree') return levels(data as never)
    return pages[Math.min(i++, pages.length - 1)]
  }) as never)
}
const listCalls = () => sent(callMock, 'activity.list') as ActivityListQuery[]

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
  answerList(page([activity({})]))
  render(<ActivitiesPage />)
  await screen.findAllByTestId('activity-card')
  expect(listCalls()).toEqual([{ tab: 'upcoming', limit: 20 }])
})

test('renders a card per activity with its labels, time and seats', async () => {
  answerList(
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
  callMock.mockImplementation((async (action: string, data: unknown) =>
    action === 'team.tree' ? levels(data as never) : new Promise(() => undefined)) as never)
  render(<ActivitiesPage />)
  expect(screen.getByTestId('loading')).toBeTruthy()
})

test('says 暂无活动 when there are none', async () => {
  answerList(page([]))
  render(<ActivitiesPage />)
  expect((await screen.findByTestId('empty')).textContent).toContain('暂无活动')
})

test('shows the error and retries on request', async () => {
  answerList({ ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' }, page([activity({})]))
  render(<ActivitiesPage />)
  expect((await screen.findByTestId('error')).textContent).toContain('网络不可用，请稍后重试')
  fireEvent.click(screen.getByRole('button', { name: '重试' }))
  expect(await screen.findAllByTestId('activity-card')).toHaveLength(1)
})

test('loads the next page with the cursor on reaching the bottom', async () => {
  answerList(
    page([activity({})], 'cursor-1'),
    page([activity({ id: 'a2', title: '青少年科技教育进校园', type: 'youth' })]),
  )
  render(<ActivitiesPage />)
  await screen.findAllByTestId('activity-card')
  expect(screen.getByTestId('list-footer').textContent).toBe('上拉加载更多')
  await act(async () => {
    // Two events in a row must still load the page once.
    await Promise.all([fireLifecycle('reachBottom'), fireLifecycle('reachBottom')])
  })
  expect(listCalls()).toEqual([
    { tab: 'upcoming', limit: 20 },
    { tab: 'upcoming', limit: 20, cursor: 'cursor-1' },
  ])
  expect(screen.getAllByTestId('activity-card')).toHaveLength(2)
  expect(within(screen.getAllByTestId('activity-card')[1]).getByText('青少年科技教育')).toBeTruthy()
  await act(() => fireLifecycle('reachBottom'))
  expect(listCalls()).toHaveLength(2)
})

test('keeps the list and offers a retry when the next page fails', async () => {
  answerList(
    page([activity({})], 'cursor-1'),
    { ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' },
    page([activity({ id: 'a2' })]),
  )
  render(<ActivitiesPage />)
  await screen.findAllByTestId('activity-card')
  await act(() => fireLifecycle('reachBottom'))
  expect(screen.getAllByTestId('activity-card')).toHaveLength(1)
  expect(screen.getByTestId('list-footer').textContent).toContain('网络不可用')
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
  })
  expect(screen.getAllByTestId('activity-card')).toHaveLength(2)
})

test('pull-down reloads the first page and stops the spinner', async () => {
  answerList(page([activity({})], 'cursor-1'), page([activity({ id: 'new', title: '新发布的活动' })]))
  render(<ActivitiesPage />)
  await screen.findAllByTestId('activity-card')
  await act(() => fireLifecycle('pullDownRefresh'))
  expect(listCalls()).toEqual([
    { tab: 'upcoming', limit: 20 },
    { tab: 'upcoming', limit: 20 },
  ])
  expect(screen.getByText('新发布的活动')).toBeTruthy()
  expect(screen.getAllByTestId('activity-card')).toHaveLength(1)
  expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
})

test('a tap on a card opens its detail', async () => {
  jest.mocked(Taro.navigateTo).mockClear()
  answerList(page([activity({ id: 'act 1' })]))
  render(<ActivitiesPage />)
  fireEvent.click((await screen.findAllByTestId('activity-card'))[0])
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/activity/index?id=act%201' })
})

test('已结束 asks for the past tab', async () => {
  answerList(page([activity({})]))
  render(<ActivitiesPage />)
  await screen.findAllByTestId('activity-card')
  await act(async () => {
    fireEvent.click(screen.getByTestId('tab-past'))
  })
  expect(listCalls().at(-1)).toEqual({ tab: 'past', limit: 20 })
})

const choose = (testId: string, index: number) =>
  act(async () => {
    fireEvent.change(within(screen.getByTestId(testId)).getByRole('combobox'), { target: { value: String(index) } })
  })
const pickDay = (testId: string, day: string) =>
  act(async () => {
    fireEvent.change(screen.getByTestId(testId).querySelector('input')!, { target: { value: day } })
  })

test('each filter narrows the query; the counties come from the team tree', async () => {
  answerList(page([activity({})]))
  render(<ActivitiesPage />)
  await screen.findAllByTestId('activity-card')
  const counties = within(screen.getByTestId('filter-county'))
    .getAllByRole('option')
    .map((o) => o.textContent)
  expect(counties).toEqual(['全部区县', '赫山区科技志愿者队', '安化县科技志愿者队'])

  await choose('filter-county', 2)
  await choose('filter-type', 4)
  await choose('filter-focus', 1)
  await pickDay('filter-from', '2030-09-01')
  await pickDay('filter-to', '2030-09-30')
  await act(async () => {
    fireEvent.click(screen.getByTestId('filter-seats'))
  })
  fireEvent.change(screen.getByTestId('search-input'), { target: { value: ' 防灾 ' } })
  await act(async () => {
    fireEvent.click(screen.getByTestId('search-button'))
  })
  expect(listCalls().at(-1)).toEqual({
    tab: 'upcoming',
    limit: 20,
    teamId: 't-anhua',
    type: 'agriculture',
    focus: 'key_event',
    from: '2030-09-01',
    to: '2030-09-30',
    seatsOnly: true,
    q: '防灾',
  })
  expect(screen.getByText('安化县科技志愿者队', { selector: '.filter' })).toBeTruthy()
  expect(screen.getByText('9月1日起')).toBeTruthy()
})

test('no match says so and 清除筛选 brings back the whole list', async () => {
  answerList(page([activity({})]), page([]), page([activity({})]))
  render(<ActivitiesPage />)
  await screen.findAllByTestId('activity-card')
  await choose('filter-type', 2)
  expect((await screen.findByTestId('empty')).textContent).toContain('没有符合条件的活动')
  await act(async () => {
    fireEvent.click(screen.getByTestId('clear-filters-empty'))
  })
  expect(listCalls().at(-1)).toEqual({ tab: 'upcoming', limit: 20 })
  expect(await screen.findAllByTestId('activity-card')).toHaveLength(1)
  expect(screen.queryByTestId('clear-filters')).toBeNull()
})

describe('toListQuery', () => {
  test('sends only what is set', () => {
    expect(toListQuery('past', NO_FILTERS)).toEqual({ tab: 'past', limit: 20 })
  })
  test('days picked the wrong way round mean the same range', () => {
    expect(toListQuery('upcoming', { ...NO_FILTERS, from: '2030-09-30', to: '2030-09-01' })).toMatchObject({
      from: '2030-09-01',
      to: '2030-09-30',
    })
  })
  test('a blank search is no search', () => {
    expect(toListQuery('upcoming', { ...NO_FILTERS, q: '   ' })).not.toHaveProperty('q')
  })
})

describe('toCard', () => {
  const now = new Date('2030-06-01T00:00:00Z')
  test('counts the seats left', () => {
    expect(toCard(activity({ capacity: 30, signedUp: 12 }), now).seatsLeft).toBe('剩余 18 个名额')
  })
  test('a full activity says how many wait', () => {
    const card = toCard(activity({ capacity: 20, signedUp: 20, waiting: 3 }), now)
    expect([card.full, card.seatsLeft]).toEqual([true, '已满 · 候补 3 人'])
  })
  test('says nothing about seats once sign-up is over', () => {
    expect(toCard(activity({ status: 'finished' }), now).seatsLeft).toBe('')
  })
})
