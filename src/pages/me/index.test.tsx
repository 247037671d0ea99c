import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MeView } from '../../../types/api'
import { fireLifecycle } from '../../../test/support/taro-mock'
import { call } from '../../services/client'
import MePage from './index'
import { teamEntries, volunteerEntries } from './use-me'

jest.mock('../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

const team = { id: 't-heshan', name: '赫山区科技志愿者队', kind: 'county' as const }
const profile = {
  name: '李明',
  gender: 'male' as const,
  idNumberMasked: '430***********123X',
  employer: '益阳市第一中学',
  position: '高级教师',
  mobileMasked: '138****5678',
  birthYear: 1980,
  skills: ['lecture' as const],
  skillsOther: '',
  specialty: '中学物理',
  availability: { slots: ['weekend' as const], note: '' },
  source: 'teacher' as const,
}

function me(over: Partial<MeView>): MeView {
  return {
    status: 'active',
    profile,
    team,
    rejectReason: null,
    submittedAt: '2024-09-01T06:05:00.000Z',
    roles: [],
    memberOf: [],
    serviceHours: 12.5,
    activationLocked: false,
    invitations: [],
    activationCode: null,
    notices: [],
    subscribeTemplateIds: [],
    ...over,
  }
}
const unregistered = () => me({ status: 'unregistered', profile: null, team: null, submittedAt: null, serviceHours: 0 })

/** The first page of the review queue, read for an administrator's 待审核 badge. */
let queue: { items: unknown[]; nextCursor: string | null } = { items: [], nextCursor: null }
function answer(view: MeView) {
  callMock.mockImplementation(
    async (action: string) =>
      (action === 'admin.reviewQueue'
        ? { ok: true, data: queue }
        : action === 'activity.elders'
          ? { ok: true, data: { elders: [] } }
          : { ok: true, data: view }) as never,
  )
}

/** Calls for 我的 itself (its 我代为注册的家人 section asks on its own). */
const meCalls = () => callMock.mock.calls.filter(([a]) => a === 'volunteer.me').length

async function shown(view: MeView) {
  answer(view)
  render(<MePage />)
  return (await screen.findByTestId('status')).textContent
}

beforeEach(() => {
  queue = { items: [], nextCursor: null }
  callMock.mockReset()
  jest.mocked(Taro.navigateTo).mockClear()
  jest.mocked(Taro.showModal).mockClear()
  jest.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
})

test('asks the volunteer function for the caller', async () => {
  await shown(me({}))
  expect(callMock).toHaveBeenCalledWith('volunteer.me', {})
})

test('shows loading until the answer arrives', async () => {
  callMock.mockReturnValue(new Promise(() => undefined))
  render(<MePage />)
  expect(screen.getByTestId('loading').textContent).toContain('加载中')
})

describe('未注册', () => {
  test('offers registration as the next step and opens the form', async () => {
    expect(await shown(unregistered())).toContain('未注册')
    fireEvent.click(screen.getByRole('button', { name: '注册成为科技志愿者' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/register/index' })
    expect(screen.queryByTestId('hours')).toBeNull()
    expect(screen.queryByText('身份证号')).toBeNull()
    expect(screen.queryByText('退出科技志愿者队伍')).toBeNull()
  })

  test('offers the claim of a team registration (集体注册)', async () => {
    await shown(unregistered())
    fireEvent.click(screen.getByText('已由队伍集体注册？用身份证号和激活码激活'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/activate/index?mode=claim' })
  })
})

describe('待审核', () => {
  test('says when it was submitted, shows the masked profile and allows editing', async () => {
    expect(await shown(me({ status: 'pending' }))).toContain('待审核')
    expect(screen.getByTestId('status-hint').textContent).toContain('已于 2024年9月1日 14:05 提交')
    expect(screen.getByText('430***********123X')).toBeTruthy()
    expect(screen.getByText('138****5678')).toBeTruthy()
    expect(screen.getByText('赫山区科技志愿者队')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '激活' })).toBeNull()
    fireEvent.click(screen.getByText('修改资料'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/register/index' })
  })
})

describe('未通过', () => {
  test('shows the reason and leads to the form to resubmit', async () => {
    expect(await shown(me({ status: 'rejected', rejectReason: '单位名称不完整' }))).toContain('未通过')
    expect(screen.getByTestId('status-hint').textContent).toContain('退回原因：单位名称不完整')
    fireEvent.click(screen.getByRole('button', { name: '修改后重新提交' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/register/index' })
  })
})

describe('待激活', () => {
  test('leads to the code entry', async () => {
    expect(await shown(me({ status: 'approved' }))).toContain('待激活')
    expect(screen.getByTestId('status-hint').textContent).toContain('6 位激活码')
    fireEvent.click(screen.getByRole('button', { name: '激活' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/activate/index' })
  })

  test('with their own code on the record, one tap on 激活 activates', async () => {
    await shown(me({ status: 'approved', activationCode: '246810' }))
    expect(screen.getByTestId('status-hint').textContent).toContain('激活码已由系统填好')
    answer(me({ status: 'active' }))
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '激活' }))
    })
    expect(callMock).toHaveBeenCalledWith('volunteer.activate', { code: '246810' })
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    expect((await screen.findByTestId('status')).textContent).toContain('已激活')
  })

  test('a refused one-tap activation says why and stays', async () => {
    await shown(me({ status: 'approved', activationCode: '246810' }))
    callMock.mockResolvedValueOnce({
      ok: false,
      code: 'CODE_EXPIRED',
      message: '激活码已过期，请联系队伍管理员重新发放',
    })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '激活' }))
    })
    expect(screen.getByTestId('step-error').textContent).toBe('激活码已过期，请联系队伍管理员重新发放')
    expect(screen.getByTestId('status').textContent).toContain('待激活')
  })

  test('when locked, tells them to contact the admin instead of offering the code entry', async () => {
    expect(await shown(me({ status: 'approved', activationLocked: true }))).toContain('待激活')
    expect(screen.getByTestId('status-hint').textContent).toContain('请联系所在队伍的管理员重新发放激活码')
    expect(screen.queryByRole('button', { name: '激活' })).toBeNull()
  })
})

describe('已激活', () => {
  test('shows service hours, the masked profile and 修改资料, and no management entries', async () => {
    expect(await shown(me({ status: 'active', serviceHours: 12.5 }))).toContain('已激活')
    expect(screen.getByTestId('hours').textContent).toContain('12.5 小时')
    expect(screen.getByTestId('profile').textContent).toContain('430***********123X')
    expect(screen.queryByTestId('roles')).toBeNull()
    expect(screen.queryByTestId('entry-review')).toBeNull()
    fireEvent.click(screen.getByText('修改资料'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/register/index' })
  })

  test('退出 asks first, explaining the history is kept, then leaves and shows the new state', async () => {
    await shown(me({ status: 'active' }))
    callMock.mockResolvedValueOnce({ ok: true, data: me({ status: 'left' }) })
    answer(me({ status: 'left' }))
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '退出科技志愿者队伍' }))
    })
    expect(jest.mocked(Taro.showModal).mock.calls[0][0]).toMatchObject({
      content: expect.stringContaining('服务记录会保留'),
    })
    expect(callMock).toHaveBeenCalledWith('volunteer.leave', {})
    expect((await screen.findByTestId('status')).textContent).toContain('已退出')
    await screen.findByText('已退出')
    expect(screen.getByRole('button', { name: '重新注册' })).toBeTruthy()
  })

  test('cancelling the confirm leaves nothing', async () => {
    await shown(me({ status: 'active' }))
    jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true } as never)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '退出科技志愿者队伍' }))
    })
    expect(callMock).not.toHaveBeenCalledWith('volunteer.leave', {})
  })

  test('a refused 退出 shows the server message', async () => {
    await shown(me({ status: 'active' }))
    callMock.mockResolvedValueOnce({ ok: false, code: 'CONFLICT', message: '状态刚刚发生了变化，请刷新后重试' })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '退出科技志愿者队伍' }))
    })
    expect((await screen.findByTestId('action-error')).textContent).toBe('状态刚刚发生了变化，请刷新后重试')
  })
})

test('已退出 keeps the hours and offers to register again', async () => {
  expect(await shown(me({ status: 'left', serviceHours: 3 }))).toContain('已退出')
  expect(screen.getByTestId('hours').textContent).toContain('3.0 小时')
  expect(screen.queryByText('退出科技志愿者队伍')).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: '重新注册' }))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/register/index' })
})

test('shows the notices the subscribe messages carried, newest first, delivered or not', async () => {
  await shown(
    me({
      status: 'approved',
      notices: [
        {
          id: 'n1',
          title: '注册审核未通过',
          body: '原因：单位不完整。',
          at: '2024-09-01T01:00:00.000Z',
          delivered: true,
        },
        { id: 'n2', title: '注册审核已通过', body: '激活码 123456', at: '2024-09-02T01:00:00.000Z', delivered: false },
      ],
    }),
  )
  const notices = screen.getByTestId('notices')
  expect(notices.textContent).toContain('激活码 123456')
  expect(notices.textContent).toContain('2024年9月2日 09:00')
  expect(notices.textContent!.indexOf('已通过')).toBeLessThan(notices.textContent!.indexOf('未通过'))
})

test('an administrator sees the work first, one list of teams with the roles, and the review queue', async () => {
  await shown(me({ roles: [{ role: 'admin', team }] }))
  const text = document.body.textContent!
  expect(text.indexOf('我的工作')).toBeLessThan(text.indexOf('志愿者状态'))
  expect(text.indexOf('我的队伍与角色')).toBeLessThan(text.indexOf('志愿者状态'))
  expect(screen.getByTestId(`team-entry-${team.id}`).textContent).toContain('管理员 · 查看队伍')
  // Roles and teams are one list, not two that repeat each other.
  expect(screen.queryByText('我的角色')).toBeNull()
  expect(screen.queryByTestId('entry-scan')).toBeNull()
  fireEvent.click(screen.getByTestId('entry-review'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/review/index' })
})

test('opens the team page of each team the caller holds a role in', async () => {
  await shown(me({ roles: [{ role: 'admin', team }] }))
  fireEvent.click(screen.getByTestId(`team-entry-${team.id}`))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/admin/pages/team/index?id=${team.id}` })
})

test('shares one 我的队伍 entry between several roles on one team; the owner’s opens the root', () => {
  const medical = { id: 'team-medical', name: '益阳市医学会科技志愿者支队', kind: 'society' as const }
  const entries = teamEntries([
    { role: 'owner', team: { id: '*', name: '全部队伍', kind: 'city' } },
    { role: 'admin', team },
    { role: 'organizer', team },
    { role: 'organizer', team: medical },
  ])
  expect(entries.map((e) => [e.key, e.url])).toEqual([
    ['owner', '/packages/admin/pages/team/index'],
    [team.id, `/packages/admin/pages/team/index?id=${team.id}`],
    [medical.id, '/packages/admin/pages/team/index?id=team-medical'],
  ])
  expect(entries[1].hint).toContain('管理员、组织者')
})

test('gives an organizer the scan entry and 我组织的活动, not the review', async () => {
  await shown(me({ roles: [{ role: 'organizer', team }] }))
  expect(screen.queryByTestId('entry-review')).toBeNull()
  fireEvent.click(screen.getByTestId('entry-scan'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/organizer/pages/scan/index' })
  fireEvent.click(screen.getByTestId('entry-organized'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/organizer/pages/activities/index' })
})

test('an admin also reaches 我组织的活动', async () => {
  await shown(me({ roles: [{ role: 'admin', team }] }))
  expect(screen.getByTestId('entry-organized').textContent).toContain('我组织的活动')
})

test('an activated volunteer opens 我的活动', async () => {
  await shown(me({}))
  fireEvent.click(screen.getByTestId('entry-my-activities'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/my-activities/index' })
  expect(screen.queryByTestId('entry-organized')).toBeNull()
})

test('我的活动 stays off 我的 for someone who cannot have sign-ups', async () => {
  await shown(me({ status: 'approved' }))
  expect(screen.queryByTestId('entry-my-activities')).toBeNull()
})

test('我的活动 shows for anyone whose phone keeps a ticket', () => {
  expect(volunteerEntries('pending', true).map((e) => e.key)).toEqual(['my-activities'])
  expect(volunteerEntries('pending', false)).toEqual([])
  expect(volunteerEntries('left', false).map((e) => e.key)).toEqual(['my-activities', 'service-records'])
})

test('an activated volunteer opens 服务记录 from 我的', async () => {
  await shown(me({}))
  fireEvent.click(screen.getByTestId('entry-service-records'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/records/index' })
})

test('an organizer reaches 待确认服务记录', async () => {
  await shown(me({ roles: [{ role: 'organizer', team }] }))
  fireEvent.click(screen.getByTestId('entry-records-todo'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/organizer/pages/records-todo/index' })
})

test('shows the error and retries on request', async () => {
  callMock.mockResolvedValueOnce({ ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' })
  render(<MePage />)
  expect((await screen.findByTestId('error')).textContent).toContain('网络不可用，请稍后重试')
  answer(me({}))
  fireEvent.click(screen.getByRole('button', { name: '重试' }))
  expect((await screen.findByTestId('status')).textContent).toContain('已激活')
  expect(meCalls()).toBe(2)
})

test('reloads when the page is shown again after being hidden (back from the form or activation)', async () => {
  await shown(me({ status: 'pending' }))
  await act(() => fireLifecycle('didShow'))
  expect(meCalls()).toBe(1)
  answer(me({ status: 'approved' }))
  await act(async () => {
    await fireLifecycle('didHide')
    await fireLifecycle('didShow')
  })
  expect(await screen.findByText('待激活')).toBeTruthy()
  expect(meCalls()).toBe(2)
})

describe('队伍邀请 (集体注册 of someone registered elsewhere)', () => {
  const medical = { id: 'team-medical', name: '益阳市医学会科技志愿者支队', kind: 'society' as const }
  const invited = (over: Partial<MeView> = {}) =>
    me({ invitations: [{ team: medical, at: '2026-11-30T02:00:00.000Z' }], ...over })

  test('accepting joins the team and shows 我的 again without the invitation', async () => {
    await shown(invited())
    expect(screen.getByTestId('invitations').textContent).toContain('益阳市医学会科技志愿者支队邀请你加入')
    callMock.mockResolvedValueOnce({ ok: true, data: me({}) })
    answer(me({}))
    await act(async () => {
      fireEvent.click(screen.getByTestId('accept-team-medical'))
    })
    expect(callMock).toHaveBeenCalledWith('volunteer.acceptInvitation', { teamId: 'team-medical' })
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(screen.queryByTestId('invitations')).toBeNull()
  })

  test('婉拒 asks first; cancelling sends nothing, confirming declines', async () => {
    await shown(invited())
    jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true } as never)
    await act(async () => {
      fireEvent.click(screen.getByTestId('decline-team-medical'))
    })
    expect(callMock).not.toHaveBeenCalledWith('volunteer.declineInvitation', expect.anything())
    callMock.mockResolvedValueOnce({ ok: true, data: me({}) })
    answer(me({}))
    await act(async () => {
      fireEvent.click(screen.getByTestId('decline-team-medical'))
    })
    expect(jest.mocked(Taro.showModal).mock.calls[1][0]).toMatchObject({ confirmText: '婉拒' })
    expect(callMock).toHaveBeenCalledWith('volunteer.declineInvitation', { teamId: 'team-medical' })
  })

  test('a refusal shows the server message and keeps the invitation', async () => {
    await shown(invited())
    callMock.mockResolvedValueOnce({ ok: false, code: 'CONFLICT', message: '状态刚刚发生了变化，请刷新后重试' })
    await act(async () => {
      fireEvent.click(screen.getByTestId('accept-team-medical'))
    })
    expect(screen.getByTestId('invitation-error').textContent).toBe('状态刚刚发生了变化，请刷新后重试')
    expect(screen.getByTestId('invitation-team-medical')).toBeTruthy()
  })

  test('before activation 接受 waits and says why', async () => {
    await shown(invited({ status: 'approved' }))
    expect(screen.getByTestId('invitation-team-medical').textContent).toContain('激活后才能接受邀请')
    expect(screen.getByTestId('accept-team-medical').hasAttribute('disabled')).toBe(true)
  })
})

test('an admin reaches 待激活 and 申诉; a volunteer does not', async () => {
  await shown(me({ roles: [{ role: 'admin', team }] }))
  fireEvent.click(screen.getByTestId('entry-pending'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/pending/index' })
  fireEvent.click(screen.getByTestId('entry-appeals'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/appeals/index' })
})

describe('待审核 badge', () => {
  test('counts the first page of the queue for an administrator, "10+" beyond it', async () => {
    queue = { items: Array.from({ length: 10 }, (_, i) => ({ volunteerId: `v-${i}` })), nextCursor: 'c' }
    await shown(me({ roles: [{ role: 'admin', team }] }))
    expect((await screen.findByTestId('entry-review-badge')).textContent).toBe('10+')
    expect(callMock).toHaveBeenCalledWith('admin.reviewQueue', { limit: 10 })
  })

  test('shows the exact count, and none when the queue is empty', async () => {
    queue = { items: [{ volunteerId: 'v-1' }, { volunteerId: 'v-2' }], nextCursor: null }
    await shown(me({ roles: [{ role: 'owner', team }] }))
    expect((await screen.findByTestId('entry-review-badge')).textContent).toBe('2')
  })

  test('an organizer or a volunteer never reads the review queue', async () => {
    await shown(me({ roles: [{ role: 'organizer', team }] }))
    await screen.findByTestId('entry-organized')
    expect(callMock).not.toHaveBeenCalledWith('admin.reviewQueue', expect.anything())
    expect(screen.getByText('我的志愿者身份')).toBeTruthy()
  })
})
