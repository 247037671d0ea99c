import type { ActivitySummary } from '../../types/api'
import { answerCloud, openPage, waitFor, wx, type RenderedPage } from './simulator'

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

let page: RenderedPage | undefined

beforeEach(() => {
  wx.cloud.callFunction.mockReset()
  wx.stopPullDownRefresh.mockClear()
})

afterEach(() => {
  page?.close()
  page = undefined
})

test('asks the activity function for the first page and renders the cards', async () => {
  answerCloud({
    'activity.list': {
      ok: true,
      data: {
        items: [activity({}), activity({ id: 'a2', title: '农技服务下乡', type: 'agriculture', status: 'finished' })],
        nextCursor: null,
      },
    },
  })
  page = openPage('pages/activities/index')
  await waitFor(() => expect(page!.text()).toContain('防灾减灾科普进社区'))
  expect(wx.cloud.callFunction).toHaveBeenCalledWith({
    name: 'activity',
    data: { action: 'list', data: { tab: 'upcoming', limit: 20 } },
  })
  const text = page.text()
  expect(text).toContain('科普报告')
  expect(text).toContain('报名中')
  expect(text).toContain('赫山区科技志愿者队')
  expect(text).toContain('2030年9月20日 周五 09:30–12:30')
  expect(text).toContain('赫山区金银山街道社区服务中心')
  expect(text).toContain('已报名 12/30')
  expect(text).toContain('农技服务下乡')
  expect(text).toContain('已结束')
  expect(text).toContain('没有更多活动了')
})

test('says 暂无活动 when the list is empty', async () => {
  answerCloud({ 'activity.list': { ok: true, data: { items: [], nextCursor: null } } })
  page = openPage('pages/activities/index')
  await waitFor(() => expect(page!.text()).toContain('暂无活动'))
})

test('shows a refusal message from the function', async () => {
  answerCloud({ 'activity.list': { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } })
  page = openPage('pages/activities/index')
  await waitFor(() => expect(page!.text()).toContain('服务暂时不可用，请稍后重试'))
  expect(page.text()).toContain('重试')
})

test('reaching the bottom loads the next page with the cursor', async () => {
  answerCloud({
    'activity.list': (data) =>
      data.cursor === 'c1'
        ? {
            ok: true,
            data: { items: [activity({ id: 'a2', title: '青少年科技教育进校园', type: 'youth' })], nextCursor: null },
          }
        : { ok: true, data: { items: [activity({})], nextCursor: 'c1' } },
  })
  page = openPage('pages/activities/index')
  await waitFor(() => expect(page!.text()).toContain('上拉加载更多'))
  page.page.onReachBottom()
  await waitFor(() => expect(page!.text()).toContain('青少年科技教育进校园'))
  expect(wx.cloud.callFunction).toHaveBeenLastCalledWith({
    name: 'activity',
    data: { action: 'list', data: { tab: 'upcoming', limit: 20, cursor: 'c1' } },
  })
  expect(page.text()).toContain('防灾减灾科普进社区')
  expect(page.text()).toContain('没有更多活动了')
})

test('pull-down reloads the first page and stops the refresh animation', async () => {
  answerCloud({ 'activity.list': { ok: true, data: { items: [activity({})], nextCursor: null } } })
  page = openPage('pages/activities/index')
  await waitFor(() => expect(page!.text()).toContain('防灾减灾科普进社区'))
  answerCloud({
    'activity.list': { ok: true, data: { items: [activity({ id: 'n', title: '新发布的活动' })], nextCursor: null } },
  })
  page.page.onPullDownRefresh()
  await waitFor(() => expect(page!.text()).toContain('新发布的活动'))
  await waitFor(() => expect(wx.stopPullDownRefresh).toHaveBeenCalledTimes(1))
  // The county filter loads the team tree once; the list itself is asked for twice.
  const listCalls = (wx.cloud.callFunction as jest.Mock).mock.calls.filter(([o]) => o.name === 'activity')
  expect(listCalls).toHaveLength(2)
})
