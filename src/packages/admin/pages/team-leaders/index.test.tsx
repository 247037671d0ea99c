import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as taro from '@tarojs/taro'
import { city, fail, medical, member, ok, teamPage } from '../../../../../test/support/admin-fixtures'
import { answerCalls, sent } from '../../../../../test/support/answer-calls'
import type { MemberItem, Page } from '../../../../../types/api'
import { call } from '../../../../services/client'
import TeamLeadersPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

const society = teamPage({
  team: { ...medical, parentId: city.id, depth: 1 },
  breadcrumb: [city, medical],
  leader: member(1, { name: '赵强', team: medical }),
  deputies: [],
})
const members = (items: MemberItem[], nextCursor: string | null = null) => ok<Page<MemberItem>>({ items, nextCursor })
const people = [1, 2, 3, 4].map((n) => member(n, { name: ['赵强', '钱敏', '孙丽', '李华'][n - 1], team: medical }))

beforeEach(() => {
  callMock.mockReset()
  jest.mocked(Taro.navigateBack).mockClear()
  jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: 'team-medical' }, path: '' } as never)
})
afterEach(() => jest.restoreAllMocks())

const row = (id: string) => within(screen.getByTestId(`member-${id}`))
const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el)
  })
}

async function open() {
  render(<TeamLeadersPage />)
  await screen.findByTestId('member-picker')
}

test('starts from the leaders on record and shows the notice’s range as guidance', async () => {
  answerCalls(callMock, { 'team.page': ok(society), 'team.members': members(people) })
  await open()
  expect(screen.getByTestId('chosen').textContent).toContain('支队长赵强 ×')
  expect(screen.getByTestId('guide').textContent).toContain('副支队长一般 3–5 名')
  expect(screen.getByText('副支队长一般为 3–5 名，现有 0 名')).toBeTruthy()
})

test('sends the chosen leader and deputies', async () => {
  answerCalls(callMock, {
    'team.page': ok(society),
    'team.members': members(people),
    'team.setLeaders': ok(society),
  })
  await open()
  await click(row('vol-2').getByText('设为支队长'))
  await click(row('vol-1').getByText('设为副支队长'))
  await click(row('vol-3').getByText('设为副支队长'))
  await click(row('vol-4').getByText('设为副支队长'))
  // Within the range now: the warning is gone.
  expect(screen.queryByText(/副支队长一般为/)).toBeNull()
  await click(screen.getByRole('button', { name: '保存' }))
  expect(sent(callMock, 'team.setLeaders')).toEqual([
    { teamId: 'team-medical', leaderId: 'vol-2', deputyIds: ['vol-1', 'vol-3', 'vol-4'] },
  ])
  expect(Taro.navigateBack).toHaveBeenCalled()
})

test('removing the leader sends null', async () => {
  answerCalls(callMock, { 'team.page': ok(society), 'team.members': members(people), 'team.setLeaders': ok(society) })
  await open()
  await click(screen.getByText('赵强 ×'))
  await click(screen.getByRole('button', { name: '保存' }))
  expect(sent(callMock, 'team.setLeaders')).toEqual([{ teamId: 'team-medical', leaderId: null, deputyIds: [] }])
})

test('shows the server’s INVALID_INPUT and stays', async () => {
  answerCalls(callMock, {
    'team.page': ok(society),
    'team.members': members(people),
    'team.setLeaders': fail('INVALID_INPUT', '正副职须从本队伍已激活的志愿者中选择', 'deputyIds'),
  })
  await open()
  await click(row('vol-3').getByText('设为副支队长'))
  await click(screen.getByRole('button', { name: '保存' }))
  expect(screen.getByTestId('form-error').textContent).toBe('正副职须从本队伍已激活的志愿者中选择')
  expect(Taro.navigateBack).not.toHaveBeenCalled()
})

test('searches by name within the loaded pages and loads more on request', async () => {
  answerCalls(callMock, { 'team.page': ok(society), 'team.members': members(people.slice(0, 2), 'c-1') })
  await open()
  fireEvent.change(screen.getByTestId('member-search'), { target: { value: '李' } })
  expect(screen.getByText('已加载的成员中没有“李”')).toBeTruthy()
  answerCalls(callMock, { 'team.page': ok(society), 'team.members': members(people.slice(2)) })
  await click(screen.getByRole('button', { name: '加载更多成员' }))
  expect(sent(callMock, 'team.members')).toEqual([
    { teamId: 'team-medical', limit: 50 },
    { teamId: 'team-medical', limit: 50, cursor: 'c-1' },
  ])
  expect(screen.getByTestId('member-vol-4').textContent).toContain('李华')
  expect(screen.queryByTestId('member-vol-1')).toBeNull()
})
