import type { MeView } from '../../types/api'
import { answerCloud, openPage, waitFor, wx, type RenderedPage } from './simulator'

const team = { id: 't-heshan', name: '赫山区科技志愿者队', kind: 'county' as const }

function me(over: Partial<MeView> = {}): MeView {
  return {
    status: 'active',
    profile: {
      name: '李明',
      gender: 'male',
      idNumberMasked: '430***********123X',
      birthYear: 1980,
      employer: '益阳市第一中学',
      position: '高级教师',
      mobileMasked: '138****5678',
      skills: ['lecture'],
      skillsOther: '',
      specialty: '中学物理',
      availability: { slots: ['weekend'], note: '' },
      source: 'teacher',
    },
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

let page: RenderedPage | undefined
/** Calls for 我的 itself (its 我代为注册的家人 section asks the activity function on its own). */
const meCalls = () =>
  wx.cloud.callFunction.mock.calls.filter(([c]) => c.name === 'volunteer' && c.data.action === 'me').length

beforeEach(() => {
  wx.cloud.callFunction.mockReset()
  wx.navigateTo.mockClear()
})

afterEach(() => {
  page?.close()
  page = undefined
})

test('asks the volunteer function for the caller through wx.cloud and shows the answer', async () => {
  answerCloud({ 'volunteer.me': { ok: true, data: me() } })
  page = openPage('pages/me/index')
  await waitFor(() => expect(page!.text()).toContain('已激活'))
  expect(wx.cloud.callFunction).toHaveBeenCalledWith({ name: 'volunteer', data: { action: 'me', data: {} } })
  expect(wx.cloud.init).toHaveBeenCalledTimes(1)
  expect(wx.cloud.init).toHaveBeenCalledWith(expect.objectContaining({ traceUser: true }))
  const text = page.text()
  expect(text).toContain('430***********123X')
  expect(text).toContain('138****5678')
  expect(text).toContain('12.5 小时')
  expect(text).toContain('赫山区科技志愿者队')
  expect(text).not.toContain('待审核注册')
})

test('offers an unregistered caller the registration and opens the form in the volunteer subpackage', async () => {
  answerCloud({
    'volunteer.me': {
      ok: true,
      data: me({ status: 'unregistered', profile: null, team: null, submittedAt: null, serviceHours: 0 }),
    },
  })
  page = openPage('pages/me/index')
  await waitFor(() => expect(page!.text()).toContain('未注册'))
  expect(page.text()).not.toContain('注册信息')
  expect(page.text()).toContain('已由队伍集体注册？用身份证号和激活码激活')
  await page.tap('注册成为科技志愿者')
  await waitFor(() => expect(wx.navigateTo).toHaveBeenCalledTimes(1))
  expect(wx.navigateTo.mock.calls[0][0]).toMatchObject({ url: '/packages/volunteer/pages/register/index' })
})

test('a tap on the admin entry navigates into the admin subpackage', async () => {
  answerCloud({
    'volunteer.me': { ok: true, data: me({ roles: [{ role: 'admin', team }] }) },
    'admin.reviewQueue': { ok: true, data: { items: [{ volunteerId: 'v-1' }], nextCursor: null } as never },
  })
  page = openPage('pages/me/index')
  await waitFor(() => expect(page!.text()).toContain('管理员 · 查看队伍'))
  expect(page.text().indexOf('我的工作')).toBeLessThan(page.text().indexOf('志愿者状态'))
  await page.tap('待审核注册')
  await waitFor(() => expect(wx.navigateTo).toHaveBeenCalledTimes(1))
  expect(wx.navigateTo.mock.calls[0][0]).toMatchObject({ url: '/packages/admin/pages/review/index' })
})

test('a failed call shows the network message and 重试 calls again', async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  wx.cloud.callFunction.mockRejectedValueOnce(new Error('cloud.callFunction:fail timeout'))
  page = openPage('pages/me/index')
  await waitFor(() => expect(page!.text()).toContain('网络不可用，请稍后重试'))
  answerCloud({ 'volunteer.me': { ok: true, data: me({ status: 'pending' }) } })
  await page.tap('重试')
  await waitFor(() => expect(page!.text()).toContain('待审核'))
  expect(meCalls()).toBe(2)
})

test('coming back to the page reloads it', async () => {
  answerCloud({ 'volunteer.me': { ok: true, data: me({ status: 'pending' }) } })
  page = openPage('pages/me/index')
  await waitFor(() => expect(page!.text()).toContain('待审核'))
  answerCloud({ 'volunteer.me': { ok: true, data: me({ status: 'approved' }) } })
  page.page.onHide()
  page.page.onShow()
  await waitFor(() => expect(page!.text()).toContain('待激活'))
  expect(meCalls()).toBe(2)
})
