import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as taro from '@tarojs/taro'
import {
  fail,
  heshan,
  longguangqiao,
  member,
  ok,
  roleItem,
  teamPage,
  tree,
} from '../../../../../test/support/admin-fixtures'
import { answerCalls, sent, type Answers } from '../../../../../test/support/answer-calls'
import { levelsOf } from '../../../../../test/support/team-levels'
import type { MemberItem, Page } from '../../../../../types/api'
import { call } from '../../../../services/client'
import RolesPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

const adminCan = { manage: true, appointAdmins: false, appointOrganizers: true }
const ownerCan = { manage: true, appointAdmins: true, appointOrganizers: true }
const grants = [
  roleItem({ id: 'r-admin', role: 'admin', name: '周敏' }),
  roleItem({ id: 'r-org', role: 'organizer', name: '赵强', team: longguangqiao }),
]

function answers(over: Answers = {}): Answers {
  return {
    'team.page': ok(teamPage({ can: adminCan })),
    'admin.roles': ok(grants),
    'team.tree': levelsOf(tree()),
    'team.members': ok<Page<MemberItem>>({
      items: [member(1, { name: '赵强' }), member(2, { name: '钱敏' })],
      nextCursor: null,
    }),
    'admin.revokeRole': ok({ roleId: 'r-org' }),
    'admin.grantRole': ok(roleItem({ id: 'r-new', volunteerId: 'vol-2', name: '钱敏' })),
    ...over,
  }
}

const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el)
  })
}

async function open(over: Answers = {}) {
  answerCalls(callMock, answers(over))
  render(<RolesPage />)
  await screen.findByTestId('grants')
  await screen.findByTestId('member-picker')
}

beforeEach(() => {
  callMock.mockReset()
  jest.mocked(Taro.showModal).mockClear()
  jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: 'team-heshan' }, path: '' } as never)
})
afterEach(() => jest.restoreAllMocks())

test('lists the grants of the subtree with role, name and team', async () => {
  await open()
  expect(sent(callMock, 'admin.roles')).toEqual([{ teamId: 'team-heshan' }])
  const admin = within(screen.getByTestId('grant-r-admin'))
  expect(admin.getByText('管理员')).toBeTruthy()
  expect(admin.getByText('周敏')).toBeTruthy()
  expect(admin.getByText('赫山区科技志愿者队')).toBeTruthy()
  const organizer = within(screen.getByTestId('grant-r-org'))
  expect(organizer.getByText('组织者')).toBeTruthy()
  expect(organizer.getByText('龙光桥街道科技志愿者服务分队')).toBeTruthy()
})

test('an administrator may revoke organizers but not administrators', async () => {
  await open()
  expect(within(screen.getByTestId('grant-r-org')).queryByText('撤销')).toBeTruthy()
  expect(within(screen.getByTestId('grant-r-admin')).queryByText('撤销')).toBeNull()
})

test('撤销 asks first, then revokes by the grant’s id and reloads the list', async () => {
  await open()
  await click(within(screen.getByTestId('grant-r-org')).getByText('撤销'))
  expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤销任命' }))
  expect(jest.mocked(Taro.showModal).mock.calls[0][0]?.content).toContain('赵强')
  expect(sent(callMock, 'admin.revokeRole')).toEqual([{ roleId: 'r-org' }])
  expect(sent(callMock, 'admin.roles')).toHaveLength(2)
})

test('nothing is revoked when the confirmation is cancelled', async () => {
  await open()
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never)
  await click(within(screen.getByTestId('grant-r-org')).getByText('撤销'))
  expect(sent(callMock, 'admin.revokeRole')).toEqual([])
})

test('shows the refusal of a revoke', async () => {
  await open({ 'admin.revokeRole': fail('FORBIDDEN', '只有超级管理员可以任免管理员') })
  await click(within(screen.getByTestId('grant-r-org')).getByText('撤销'))
  expect(screen.getByTestId('revoke-error').textContent).toBe('只有超级管理员可以任免管理员')
})

test('an administrator appoints organizers only: member → team → 任命', async () => {
  await open()
  expect(
    within(screen.getByTestId('grant-role'))
      .getAllByRole('checkbox')
      .map((c) => c.textContent),
  ).toEqual(['组织者'])
  await click(within(screen.getByTestId('member-vol-2')).getByText('选择'))
  // This team and the teams below it, nothing else of the tree.
  expect(screen.queryByTestId('team-team-medical')).toBeNull()
  await click(screen.getByTestId(`team-${longguangqiao.id}`))
  await click(screen.getByRole('button', { name: '任命' }))
  expect(sent(callMock, 'admin.grantRole')).toEqual([
    { volunteerId: 'vol-2', role: 'organizer', teamId: 'team-heshan-longguangqiao' },
  ])
  expect(sent(callMock, 'admin.roles')).toHaveLength(2)
})

test('the owner may also appoint and revoke administrators', async () => {
  await open({ 'team.page': ok(teamPage({ can: ownerCan })) })
  const roles = within(screen.getByTestId('grant-role'))
  expect(roles.getAllByRole('checkbox').map((c) => c.textContent)).toEqual(['组织者', '管理员'])
  expect(within(screen.getByTestId('grant-r-admin')).getByText('撤销')).toBeTruthy()
  await click(within(screen.getByTestId('member-vol-1')).getByText('选择'))
  await click(screen.getByTestId('role-admin'))
  await click(screen.getByRole('button', { name: '任命' }))
  expect(sent(callMock, 'admin.grantRole')).toEqual([{ volunteerId: 'vol-1', role: 'admin', teamId: heshan.id }])
})

test('asks for a person and a role before sending', async () => {
  await open({ 'team.page': ok(teamPage({ can: ownerCan })) })
  await click(screen.getByRole('button', { name: '任命' }))
  expect(screen.getByTestId('grant-error').textContent).toBe('请先从成员中选择要任命的人')
  await click(within(screen.getByTestId('member-vol-1')).getByText('选择'))
  await click(screen.getByRole('button', { name: '任命' }))
  expect(screen.getByTestId('grant-error').textContent).toBe('请选择角色')
  expect(sent(callMock, 'admin.grantRole')).toEqual([])
})

test('shows the server’s NOT_IN_SCOPE for an appointment', async () => {
  await open({ 'admin.grantRole': fail('NOT_IN_SCOPE', '该团队不在您的管理范围内') })
  await click(within(screen.getByTestId('member-vol-2')).getByText('选择'))
  await click(screen.getByRole('button', { name: '任命' }))
  expect(screen.getByTestId('grant-error').textContent).toBe('该团队不在您的管理范围内')
})

test('a page refused as a whole shows the message', async () => {
  answerCalls(callMock, answers({ 'admin.roles': fail('FORBIDDEN', '仅管理员可以执行此操作') }))
  render(<RolesPage />)
  expect((await screen.findByTestId('error')).textContent).toContain('仅管理员可以执行此操作')
})
