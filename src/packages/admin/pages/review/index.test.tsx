import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ReviewItem } from '../../../../../types/api'
import { fireLifecycle } from '../../../../../test/support/taro-mock'
import { call } from '../../../../services/client'
import ReviewPage from './index'
import { useTeamFilter } from './use-team-filter'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>
// The filter reads 我的 and the team tree; its choices are tested in use-team-filter.test.ts.
jest.mock('./use-team-filter', () => ({ useTeamFilter: jest.fn(() => []) }))
const teamFilter = useTeamFilter as jest.MockedFunction<typeof useTeamFilter>

const heshan = { id: 'team-heshan', name: '赫山区科技志愿者队', kind: 'county' as const }
const item = (id: string, name: string, over: Partial<ReviewItem> = {}): ReviewItem => ({
  volunteerId: id,
  name,
  gender: 'male',
  employer: '赫山区第一中学',
  position: '物理教师',
  team: heshan,
  submittedAt: '2024-09-01T06:05:00.000Z',
  resubmitted: false,
  revision: 3,
  ...over,
})
const A = item('v-a', '李明')
const B = item('v-b', '王芳', { gender: 'female', employer: '安化县人民医院', position: '护士', resubmitted: true })
const C = item('v-c', '张伟')

function queue(items: ReviewItem[], nextCursor: string | null = null) {
  return { ok: true as const, data: { items, nextCursor } }
}

async function open(items: ReviewItem[] = [A, B, C]) {
  callMock.mockResolvedValueOnce(queue(items))
  render(<ReviewPage />)
  await screen.findAllByTestId(items.length ? 'review-row' : 'empty')
}

beforeEach(() => {
  callMock.mockReset()
  jest.mocked(Taro.navigateTo).mockClear()
  jest.mocked(Taro.showModal).mockClear()
  jest.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
})

test('asks for the first page and lists each registration with its facts, oldest first as served', async () => {
  await open()
  expect(callMock).toHaveBeenCalledWith('admin.reviewQueue', { limit: 20 })
  const rows = screen.getAllByTestId('review-row').map((r) => r.textContent)
  expect(rows[0]).toContain('李明')
  expect(rows[1]).toContain('王芳')
  expect(rows[1]).toContain('女')
  expect(rows[1]).toContain('安化县人民医院 · 护士')
  expect(rows[1]).toContain('赫山区科技志愿者队')
  expect(rows[1]).toContain('提交于 2024年9月1日 14:05')
  expect(rows[1]).toContain('重新提交')
  expect(rows[0]).not.toContain('重新提交')
})

test('says so when nothing waits for review', async () => {
  await open([])
  expect(screen.getByTestId('empty').textContent).toContain('暂无待审核的注册')
})

test('shows a refusal (not an admin) with a retry', async () => {
  callMock.mockResolvedValueOnce({ ok: false, code: 'FORBIDDEN', message: '没有权限执行此操作' })
  render(<ReviewPage />)
  expect((await screen.findByTestId('error')).textContent).toContain('没有权限执行此操作')
})

test('tapping a row opens its detail', async () => {
  await open()
  fireEvent.click(screen.getByText('王芳'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/review-detail/index?volunteerId=v-b' })
})

test('batch approval sends the selected ids and shows which failed and why', async () => {
  await open()
  expect(screen.queryByTestId('batch-approve')).toBeNull()
  fireEvent.click(screen.getByTestId('select-v-c'))
  fireEvent.click(screen.getByTestId('select-v-a'))
  expect(screen.getByTestId('batch-approve').textContent).toBe('批量通过（2）')
  callMock.mockResolvedValueOnce({
    ok: true,
    data: {
      done: ['v-a'],
      failed: [{ volunteerId: 'v-c', code: 'CONFLICT', message: '该注册已被其他管理员处理，请刷新列表' }],
    },
  })
  callMock.mockResolvedValueOnce(queue([B]))
  await act(async () => {
    fireEvent.click(screen.getByTestId('batch-approve'))
  })
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('2 条') }))
  // List order, not tap order.
  expect(callMock).toHaveBeenCalledWith('admin.approve', {
    items: [
      { volunteerId: 'v-a', revision: 3 },
      { volunteerId: 'v-c', revision: 3 },
    ],
  })
  const result = screen.getByTestId('batch-result').textContent
  expect(result).toContain('已通过 1 条，1 条未能通过')
  expect(result).toContain('张伟：该注册已被其他管理员处理，请刷新列表')
  // The list is reloaded and the selection cleared.
  expect(callMock).toHaveBeenLastCalledWith('admin.reviewQueue', { limit: 20 })
  expect(screen.getAllByTestId('review-row')).toHaveLength(1)
  expect(screen.queryByTestId('batch-approve')).toBeNull()
  fireEvent.click(screen.getByText('知道了'))
  expect(screen.queryByTestId('batch-result')).toBeNull()
})

test('a refused batch call is reported for every selected registration', async () => {
  await open()
  fireEvent.click(screen.getByTestId('select-all'))
  callMock.mockResolvedValueOnce({ ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' })
  callMock.mockResolvedValueOnce(queue([A, B, C]))
  await act(async () => {
    fireEvent.click(screen.getByTestId('batch-approve'))
  })
  expect(callMock).toHaveBeenCalledWith('admin.approve', {
    items: [
      { volunteerId: 'v-a', revision: 3 },
      { volunteerId: 'v-b', revision: 3 },
      { volunteerId: 'v-c', revision: 3 },
    ],
  })
  expect(screen.getByTestId('batch-result').textContent).toContain('已通过 0 条，3 条未能通过')
})

test('nothing is sent when the confirm is cancelled', async () => {
  await open()
  fireEvent.click(screen.getByTestId('select-v-a'))
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true } as never)
  await act(async () => {
    fireEvent.click(screen.getByTestId('batch-approve'))
  })
  expect(callMock).not.toHaveBeenCalledWith('admin.approve', expect.anything())
})

test('pull-down refreshes and reaching the bottom loads the next page by cursor', async () => {
  callMock.mockResolvedValueOnce(queue([A], 'c1'))
  render(<ReviewPage />)
  await screen.findByText('上拉加载更多')
  callMock.mockResolvedValueOnce(queue([B]))
  await act(() => fireLifecycle('reachBottom'))
  expect(callMock).toHaveBeenLastCalledWith('admin.reviewQueue', { limit: 20, cursor: 'c1' })
  expect(screen.getAllByTestId('review-row')).toHaveLength(2)
  callMock.mockResolvedValueOnce(queue([C]))
  await act(() => fireLifecycle('pullDownRefresh'))
  expect(screen.getAllByTestId('review-row')).toHaveLength(1)
  expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
})

test('filters the queue by team: one tap asks for that team’s subtree, 全部 for everything again', async () => {
  teamFilter.mockReturnValue([
    { id: 'team-heshan', name: '赫山区科技志愿者队' },
    { id: 'team-anhua', name: '安化县科技志愿者队' },
  ])
  await open()
  expect(screen.getByTestId('filter-').getAttribute('aria-checked')).toBe('true')
  callMock.mockResolvedValueOnce(queue([B]))
  await act(async () => {
    fireEvent.click(screen.getByTestId('filter-team-anhua'))
  })
  expect(callMock).toHaveBeenLastCalledWith('admin.reviewQueue', { limit: 20, teamId: 'team-anhua' })
  expect(await screen.findByText('王芳')).toBeTruthy()
  expect(screen.queryByText('李明')).toBeNull()
  callMock.mockResolvedValueOnce(queue([A, B, C]))
  await act(async () => {
    fireEvent.click(screen.getByTestId('filter-'))
  })
  expect(callMock).toHaveBeenLastCalledWith('admin.reviewQueue', { limit: 20 })
  teamFilter.mockReturnValue([])
})
