import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MeView } from '../../../types/api'
import { fireLifecycle } from '../../../test/support/taro-mock'
import { call } from '../../services/client'
import MePage from './index'

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
  birthDate: '1980-05-12',
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
    serviceHours: 12.5,
    activationLocked: false,
    notices: [],
    subscribeTemplateIds: [],
    ...over,
  }
}

function answer(view: MeView) {
  callMock.mockResolvedValue({ ok: true, data: view })
}

beforeEach(() => {
  callMock.mockReset()
  jest.mocked(Taro.navigateTo).mockClear()
})

test('asks the volunteer function for the caller', async () => {
  answer(me({}))
  render(<MePage />)
  await screen.findByTestId('status')
  expect(callMock).toHaveBeenCalledWith('volunteer.me', {})
})

test('shows loading until the answer arrives', async () => {
  callMock.mockReturnValue(new Promise(() => undefined))
  render(<MePage />)
  expect(screen.getByTestId('loading').textContent).toContain('加载中')
})

test('offers registration, not yet open, to an unregistered caller', async () => {
  answer(me({ status: 'unregistered', profile: null, team: null, submittedAt: null, serviceHours: 0 }))
  render(<MePage />)
  expect((await screen.findByTestId('status')).textContent).toContain('未注册')
  const button = screen.getByRole('button', { name: '注册表单即将开放' })
  expect((button as HTMLButtonElement).disabled).toBe(true)
  expect(screen.queryByTestId('hours')).toBeNull()
  expect(screen.queryByText('身份证号')).toBeNull()
})

test('shows a pending registration with the masked profile', async () => {
  answer(me({ status: 'pending' }))
  render(<MePage />)
  expect((await screen.findByTestId('status')).textContent).toContain('待审核')
  expect(screen.getByText('430***********123X')).toBeTruthy()
  expect(screen.getByText('138****5678')).toBeTruthy()
  expect(screen.getByText('赫山区科技志愿者队')).toBeTruthy()
  expect(screen.getByText('2024年9月1日 14:05')).toBeTruthy()
  expect(screen.queryByRole('button', { name: '注册表单即将开放' })).toBeNull()
})

test('shows the reason of a rejection', async () => {
  answer(me({ status: 'rejected', rejectReason: '单位名称不完整' }))
  render(<MePage />)
  expect((await screen.findByTestId('status')).textContent).toContain('未通过')
  expect(screen.getByText(/退回原因：单位名称不完整/)).toBeTruthy()
})

test('tells an approved volunteer to activate', async () => {
  answer(me({ status: 'approved' }))
  render(<MePage />)
  expect((await screen.findByTestId('status')).textContent).toContain('待激活')
  expect(screen.getByText(/激活码/)).toBeTruthy()
})

test('says when activation is locked', async () => {
  answer(me({ status: 'approved', activationLocked: true }))
  render(<MePage />)
  expect((await screen.findByTestId('status')).textContent).toContain('待激活')
  expect(screen.getByText(/重新发放激活码/)).toBeTruthy()
})

test('shows the notices the subscribe messages carried', async () => {
  answer(
    me({
      status: 'approved',
      notices: [
        { id: 'n1', title: '注册审核通过', body: '激活码：123456', at: '2024-09-02T01:00:00.000Z', delivered: false },
      ],
    }),
  )
  render(<MePage />)
  const notices = await screen.findByTestId('notices')
  expect(notices.textContent).toContain('注册审核通过')
  expect(notices.textContent).toContain('激活码：123456')
  expect(notices.textContent).toContain('2024年9月2日 09:00')
})

test('shows an active volunteer with service hours and no management entries', async () => {
  answer(me({ status: 'active', serviceHours: 12.5 }))
  render(<MePage />)
  expect((await screen.findByTestId('status')).textContent).toContain('已激活')
  expect(screen.getByTestId('hours').textContent).toContain('12.5 小时')
  expect(screen.queryByTestId('roles')).toBeNull()
  expect(screen.queryByTestId('entry-review')).toBeNull()
  expect(screen.queryByTestId('entry-scan')).toBeNull()
})

test('lists roles and opens the admin review screen', async () => {
  answer(me({ roles: [{ role: 'admin', team }] }))
  render(<MePage />)
  expect((await screen.findByTestId('roles')).textContent).toContain('管理员 · 赫山区科技志愿者队')
  expect(screen.queryByTestId('entry-scan')).toBeNull()
  fireEvent.click(screen.getByTestId('entry-review'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/review/index' })
})

test('gives an organizer the scan entry only', async () => {
  answer(me({ roles: [{ role: 'organizer', team }] }))
  render(<MePage />)
  await screen.findByTestId('roles')
  expect(screen.queryByTestId('entry-review')).toBeNull()
  fireEvent.click(screen.getByTestId('entry-scan'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/organizer/pages/scan/index' })
})

test('shows the error and retries on request', async () => {
  callMock.mockResolvedValueOnce({ ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' })
  render(<MePage />)
  expect((await screen.findByTestId('error')).textContent).toContain('网络不可用，请稍后重试')
  answer(me({}))
  fireEvent.click(screen.getByRole('button', { name: '重试' }))
  expect((await screen.findByTestId('status')).textContent).toContain('已激活')
  expect(callMock).toHaveBeenCalledTimes(2)
})

test('reloads when the page is shown again after being hidden', async () => {
  answer(me({ status: 'pending' }))
  render(<MePage />)
  await screen.findByTestId('status')
  await act(() => fireLifecycle('didShow'))
  expect(callMock).toHaveBeenCalledTimes(1)
  answer(me({ status: 'approved' }))
  await act(async () => {
    await fireLifecycle('didHide')
    await fireLifecycle('didShow')
  })
  expect(await screen.findByText('待激活')).toBeTruthy()
  expect(callMock).toHaveBeenCalledTimes(2)
})
