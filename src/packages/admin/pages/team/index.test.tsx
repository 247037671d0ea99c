import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as taro from '@tarojs/taro'
import { answerCalls, sent } from '../../../../../test/support/answer-calls'
import { levelsOf } from '../../../../../test/support/team-levels'
import { city, fail, heshan, medical, ok, teamPage, tree } from '../../../../../test/support/admin-fixtures'
import { fireLifecycle } from '../../../../../test/support/taro-mock'
import type { MeView } from '../../../../../types/api'
import { call } from '../../../../services/client'
import TeamPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

function route(params: Record<string, string>) {
  jest.spyOn(taro, 'useRouter').mockReturnValue({ params, path: '' } as never)
}

const me = (roles: MeView['roles']) => ok({ roles } as MeView)

beforeEach(() => {
  callMock.mockReset()
  jest.mocked(Taro.navigateTo).mockClear()
  jest.mocked(Taro.redirectTo).mockClear()
  route({ id: 'team-heshan' })
})
afterEach(() => jest.restoreAllMocks())

async function open() {
  render(<TeamPage />)
  await screen.findByTestId('members-line')
}

test('asks the team function for the team of the id', async () => {
  answerCalls(callMock, { 'team.page': ok(teamPage()) })
  await open()
  expect(sent(callMock, 'team.page')).toEqual([{ teamId: 'team-heshan' }])
  expect(screen.getByText('赫山区科技志愿者队')).toBeTruthy()
  expect(screen.getByTestId('team-kind').textContent).toBe('区县（市）科技志愿者队')
})

test('shows the member count against the period target with a progress bar', async () => {
  answerCalls(callMock, { 'team.page': ok(teamPage({ members: 12 })) })
  await open()
  expect(screen.getByTestId('members-line').textContent).toBe('现有 12 人 · 首批目标 100 人 · 2020-12-31 前 500 人')
  const fill = screen.getByTestId('progress').firstElementChild as HTMLElement
  expect(fill.style.width).toBe('2%')
})

test('lists the first children and, when there are more, browses and searches the rest to open one', async () => {
  answerCalls(callMock, { 'team.page': ok(teamPage()) })
  await open()
  expect(screen.queryByTestId('more-children')).toBeNull()
  cleanup()
  const many = [
    { ...heshan, parentId: 'team-city', depth: 1 },
    ...Array.from({ length: 3 }, (_, i) => ({
      id: `t${i}`,
      name: `第${i}分队`,
      kind: 'township' as const,
      parentId: heshan.id,
      depth: 2,
    })),
  ]
  answerCalls(callMock, { 'team.page': ok(teamPage({ moreChildren: true })), 'team.tree': levelsOf(many) })
  await open()
  const more = screen.getByTestId('more-children')
  fireEvent.click(await within(more).findByTestId('team-t2'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: expect.stringContaining('t2') })
  expect(within(more).queryByTestId('team-chosen')).toBeNull()
  expect(sent(callMock, 'team.tree')).toEqual([{ parentId: 'team-heshan', limit: 20 }])
})

test('shows only the count, and no bar, when the period sets no target for the kind', async () => {
  answerCalls(callMock, { 'team.page': ok(teamPage({ members: 3, target: null })) })
  await open()
  expect(screen.getByTestId('members-line').textContent).toBe('现有 3 人')
  expect(screen.queryByTestId('progress')).toBeNull()
})

test('highlights the server’s warnings', async () => {
  answerCalls(callMock, {
    'team.page': ok(teamPage({ warnings: ['尚未设置队长', '副队长一般为 2–3 名，现有 0 名'] })),
  })
  await open()
  const warnings = screen.getByTestId('warnings')
  expect(within(warnings).getByText('尚未设置队长')).toBeTruthy()
  expect(within(warnings).getByText('副队长一般为 2–3 名，现有 0 名')).toBeTruthy()
})

test('lists leaders with the notice’s titles for the kind of team', async () => {
  answerCalls(callMock, { 'team.page': ok(teamPage()) })
  await open()
  const leaders = screen.getByTestId('leaders')
  expect(leaders.textContent).toContain('队长赵强')
  expect(leaders.textContent).toContain('副队长钱敏')
  expect(leaders.textContent).toContain('副队长一般 2–3 名')
})

test('a society detachment says 支队长 and 副支队长 3–5', async () => {
  answerCalls(callMock, {
    'team.page': ok(
      teamPage({
        team: { ...medical, parentId: city.id, depth: 1 },
        breadcrumb: [city, medical],
        leader: null,
        deputies: [],
      }),
    ),
  })
  await open()
  const leaders = screen.getByTestId('leaders')
  expect(leaders.textContent).toContain('支队长未设置')
  expect(leaders.textContent).toContain('副支队长一般 3–5 名')
})

test('shows each deadline of the current period with its state badge', async () => {
  answerCalls(callMock, { 'team.page': ok(teamPage()) })
  await open()
  const badge = (key: string) => within(screen.getByTestId(`deadline-${key}`))
  expect(badge('teams_formed').getByText('已逾期')).toBeTruthy()
  expect(badge('teams_formed').getByText('截止 2024年9月14日')).toBeTruthy()
  expect(badge('roster').getByText('已完成')).toBeTruthy()
  expect(badge('summary').getByText('即将到期')).toBeTruthy()
  expect(badge('statistics').getByText('未到期')).toBeTruthy()
  expect(screen.getByText('报送进度 · 2024年度科技志愿服务')).toBeTruthy()
})

test('names the focus tags still missing, with their labels', async () => {
  answerCalls(callMock, { 'team.page': ok(teamPage()) })
  await open()
  expect(screen.getByTestId('focus').textContent).toBe(
    '尚未开展：结合全国科普日等重点活动、结合农村妇女、青少年等重点人群',
  )
})

test('says so when every focus is covered, and when no period is set', async () => {
  answerCalls(callMock, { 'team.page': ok(teamPage({ focusMissing: [] })) })
  const { unmount } = render(<TeamPage />)
  expect((await screen.findByTestId('focus')).textContent).toBe('三类重点结合活动本周期均已开展')
  unmount()
  answerCalls(callMock, { 'team.page': ok(teamPage({ period: null })) })
  render(<TeamPage />)
  expect((await screen.findByTestId('deadlines')).textContent).toContain('尚未设置报送周期')
  expect(screen.queryByTestId('focus')).toBeNull()
})

test('offers the management buttons to a manager, the kinds of CHILD_KINDS deciding 新建下级队伍', async () => {
  answerCalls(callMock, { 'team.page': ok(teamPage()) })
  await open()
  const labels = within(screen.getByTestId('actions'))
    .getAllByRole('button')
    .map((b) => b.textContent)
  expect(labels).toEqual(['成员名单', '新建下级队伍', '修改名称', '任命管理', '集体注册', '报表', '数据看板'])
  expect(screen.getByRole('button', { name: '设置' })).toBeTruthy()
})

test('hides every management button without can.manage', async () => {
  answerCalls(callMock, {
    'team.page': ok(teamPage({ can: { manage: false, appointAdmins: false, appointOrganizers: false } })),
  })
  await open()
  expect(screen.queryByTestId('actions')).toBeNull()
  expect(screen.queryByRole('button', { name: '设置' })).toBeNull()
  expect(screen.queryByText('成员名单')).toBeNull()
})

test('a township team offers no sub-team; 报送周期 is for owners and the root', async () => {
  answerCalls(callMock, {
    'team.page': ok(
      teamPage({
        team: { id: 't-town', name: '龙光桥街道科技志愿者服务分队', kind: 'township', parentId: heshan.id, depth: 2 },
        can: { manage: true, appointAdmins: true, appointOrganizers: true },
      }),
    ),
  })
  const { unmount } = render(<TeamPage />)
  await screen.findByTestId('actions')
  expect(screen.queryByText('新建下级队伍')).toBeNull()
  expect(screen.getByText('报送周期')).toBeTruthy()
  unmount()
  answerCalls(callMock, {
    'team.page': ok(teamPage({ team: { ...city, parentId: null, depth: 0 }, breadcrumb: [city] })),
  })
  render(<TeamPage />)
  await screen.findByTestId('actions')
  expect(screen.getByText('报送周期')).toBeTruthy()
})

test('each management button opens its screen for this team', async () => {
  answerCalls(callMock, { 'team.page': ok(teamPage()) })
  await open()
  fireEvent.click(screen.getByText('成员名单'))
  fireEvent.click(screen.getByText('新建下级队伍'))
  fireEvent.click(screen.getByText('集体注册'))
  fireEvent.click(screen.getByText('报表'))
  fireEvent.click(screen.getByText('数据看板'))
  fireEvent.click(screen.getByText('设置'))
  expect(jest.mocked(Taro.navigateTo).mock.calls.map(([o]) => o.url)).toEqual([
    '/packages/admin/pages/team-members/index?id=team-heshan',
    '/packages/admin/pages/team-edit/index?parentId=team-heshan',
    '/packages/admin/pages/import/index?id=team-heshan',
    '/packages/admin/pages/forms/index?id=team-heshan',
    '/packages/admin/pages/dashboard/index?id=team-heshan',
    '/packages/admin/pages/team-leaders/index?id=team-heshan',
  ])
})

test('lists the children with their member counts; a tap opens the child’s page', async () => {
  answerCalls(callMock, { 'team.page': ok(teamPage()) })
  await open()
  const child = screen.getByTestId('child-team-heshan-longguangqiao')
  expect(child.textContent).toContain('龙光桥街道科技志愿者服务分队')
  expect(child.textContent).toContain('4 人')
  fireEvent.click(child)
  expect(Taro.navigateTo).toHaveBeenCalledWith({
    url: '/packages/admin/pages/team/index?id=team-heshan-longguangqiao',
  })
})

test('the breadcrumb leads up the tree', async () => {
  answerCalls(callMock, { 'team.page': ok(teamPage()) })
  await open()
  fireEvent.click(within(screen.getByTestId('breadcrumb')).getByText(/益阳市支队/))
  expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/team/index?id=team-city' })
})

test('shows the refusal and retries', async () => {
  answerCalls(callMock, { 'team.page': fail('NOT_IN_SCOPE', '该团队不在您的管理范围内') })
  render(<TeamPage />)
  expect((await screen.findByTestId('error')).textContent).toContain('该团队不在您的管理范围内')
  answerCalls(callMock, { 'team.page': ok(teamPage()) })
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
  })
  expect(screen.getByTestId('members-line')).toBeTruthy()
})

test('pull-down reloads the team', async () => {
  answerCalls(callMock, { 'team.page': ok(teamPage()) })
  await open()
  answerCalls(callMock, { 'team.page': ok(teamPage({ members: 13 })) })
  await act(() => fireLifecycle('pullDownRefresh'))
  expect(screen.getByTestId('members-line').textContent).toContain('现有 13 人')
  expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
})

describe('opened without an id', () => {
  beforeEach(() => route({}))

  test('opens the one team of an admin’s grant', async () => {
    answerCalls(callMock, { 'volunteer.me': me([{ role: 'admin', team: heshan }]), 'team.page': ok(teamPage()) })
    await open()
    expect(sent(callMock, 'team.page')).toEqual([{ teamId: 'team-heshan' }])
  })

  test('opens the root for the owner', async () => {
    answerCalls(callMock, {
      'volunteer.me': me([{ role: 'owner', team: { id: '*', name: '全部队伍', kind: 'city' } }]),
      'team.tree': levelsOf(tree()),
      'team.page': ok(teamPage({ team: { ...city, parentId: null, depth: 0 }, breadcrumb: [city] })),
    })
    await open()
    expect(sent(callMock, 'team.page')).toEqual([{ teamId: 'team-city' }])
  })

  test('lists several teams to choose from', async () => {
    answerCalls(callMock, {
      'volunteer.me': me([
        { role: 'admin', team: heshan },
        { role: 'organizer', team: medical },
        { role: 'organizer', team: heshan },
      ]),
    })
    render(<TeamPage />)
    const list = await screen.findByTestId('my-teams')
    expect(
      within(list)
        .getAllByText(/科技志愿者/)
        .map((e) => e.textContent),
    ).toEqual(['赫山区科技志愿者队', '益阳市医学会科技志愿者支队'])
    fireEvent.click(screen.getByTestId('my-team-team-medical'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/team/index?id=team-medical' })
  })

  test('explains when the caller has no team', async () => {
    answerCalls(callMock, { 'volunteer.me': me([]) })
    render(<TeamPage />)
    expect((await screen.findByTestId('empty')).textContent).toContain('你还没有管理的队伍')
  })
})
