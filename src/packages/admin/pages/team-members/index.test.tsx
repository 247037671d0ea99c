import { act, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as taro from '@tarojs/taro'
import { fail, longguangqiao, member, ok } from '../../../../../test/support/admin-fixtures'
import { answerCalls, sent } from '../../../../../test/support/answer-calls'
import { fireLifecycle } from '../../../../../test/support/taro-mock'
import type { MemberItem, Page } from '../../../../../types/api'
import { call } from '../../../../services/client'
import TeamMembersPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

const page = (items: MemberItem[], nextCursor: string | null = null) => ok<Page<MemberItem>>({ items, nextCursor })

beforeEach(() => {
  callMock.mockReset()
  jest.mocked(Taro.stopPullDownRefresh).mockClear()
  jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: 'team-heshan' }, path: '' } as never)
})
afterEach(() => jest.restoreAllMocks())

test('lists the members masked: name, gender, 单位, 职务, mobile and primary team', async () => {
  answerCalls(callMock, {
    'team.members': page([
      member(1, { name: '赵强', gender: 'male', mobileMasked: '138****1006' }),
      member(2, { name: '钱敏', gender: 'female', employer: '龙光桥街道办', position: '', team: longguangqiao }),
    ]),
  })
  render(<TeamMembersPage />)
  const cards = await screen.findAllByTestId('member-card')
  expect(sent(callMock, 'team.members')).toEqual([{ teamId: 'team-heshan', limit: 20 }])
  expect(cards).toHaveLength(2)
  const first = within(cards[0])
  expect(first.getByText('赵强')).toBeTruthy()
  expect(first.getByText('男')).toBeTruthy()
  expect(first.getByText('138****1006')).toBeTruthy()
  expect(first.getByText('赫山区科协 · 科普干事')).toBeTruthy()
  expect(first.getByText('所属队伍：赫山区科技志愿者队')).toBeTruthy()
  const second = within(cards[1])
  expect(second.getByText('女')).toBeTruthy()
  expect(second.getByText('龙光桥街道办')).toBeTruthy()
  expect(second.getByText('所属队伍：龙光桥街道科技志愿者服务分队')).toBeTruthy()
  expect(screen.getByTestId('list-footer').textContent).toBe('没有更多成员了')
})

test('loads the next page with the server’s cursor on reaching the bottom', async () => {
  answerCalls(callMock, { 'team.members': page([member(1)], 'c-1') })
  render(<TeamMembersPage />)
  await screen.findAllByTestId('member-card')
  expect(screen.getByTestId('list-footer').textContent).toBe('上拉加载更多')
  answerCalls(callMock, { 'team.members': page([member(2)]) })
  await act(async () => {
    await Promise.all([fireLifecycle('reachBottom'), fireLifecycle('reachBottom')])
  })
  expect(sent(callMock, 'team.members')).toEqual([
    { teamId: 'team-heshan', limit: 20 },
    { teamId: 'team-heshan', limit: 20, cursor: 'c-1' },
  ])
  expect(screen.getAllByTestId('member-card')).toHaveLength(2)
})

test('pull-down reloads the first page', async () => {
  answerCalls(callMock, { 'team.members': page([member(1)], 'c-1') })
  render(<TeamMembersPage />)
  await screen.findAllByTestId('member-card')
  answerCalls(callMock, { 'team.members': page([member(7, { name: '新激活的成员' })]) })
  await act(() => fireLifecycle('pullDownRefresh'))
  expect(screen.getByText('新激活的成员')).toBeTruthy()
  expect(screen.getAllByTestId('member-card')).toHaveLength(1)
  expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
})

test('says 暂无成员 when the team has none', async () => {
  answerCalls(callMock, { 'team.members': page([]) })
  render(<TeamMembersPage />)
  expect((await screen.findByTestId('empty')).textContent).toContain('暂无成员')
})

test('shows a refusal', async () => {
  answerCalls(callMock, { 'team.members': fail('NOT_IN_SCOPE', '该团队不在您的管理范围内') })
  render(<TeamMembersPage />)
  expect((await screen.findByTestId('error')).textContent).toContain('该团队不在您的管理范围内')
})
