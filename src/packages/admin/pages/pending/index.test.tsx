import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PendingActivationItem } from '../../../../../types/api'
import { call } from '../../../../services/client'
import PendingPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

const heshan = { id: 'team-heshan', name: '赫山区科技志愿者队', kind: 'county' as const }
const item = (over: Partial<PendingActivationItem>): PendingActivationItem => ({
  volunteerId: 'v-1',
  name: '李明',
  team: heshan,
  imported: false,
  issuedAt: '2026-11-28T02:00:00.000Z',
  codeAgeDays: 3,
  expired: false,
  locked: false,
  ...over,
})
const page = (items: PendingActivationItem[]) => ({ ok: true as const, data: { items, nextCursor: null } })

async function open(items: PendingActivationItem[]) {
  callMock.mockResolvedValue(page(items))
  render(<PendingPage />)
  await screen.findByText(items.length ? items[0].name : '没有待激活的志愿者')
}

async function tap(testId: string) {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId))
  })
}

beforeEach(() => {
  callMock.mockReset()
  jest.mocked(Taro.showModal).mockClear()
  jest.mocked(Taro.navigateTo).mockClear()
  jest.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
})

test('lists self-registered and imported people with the code age and lock state', async () => {
  await open([
    item({}),
    item({ volunteerId: 'v-2', name: '王芳', imported: true, expired: true, locked: true, codeAgeDays: 9 }),
  ])
  expect(callMock).toHaveBeenCalledWith('admin.pendingActivation', { limit: 20 })
  const first = screen.getByTestId('pending-v-1').textContent!
  expect(first).toContain('本人注册')
  expect(first).toContain('激活码发放于 2026年11月28日 10:00（3 天前）')
  expect(first).not.toContain('已锁定')
  const second = screen.getByTestId('pending-v-2').textContent!
  expect(second).toContain('集体注册，尚未认领')
  expect(second).toContain('已锁定')
  expect(second).toContain('已过期')
})

test('shows loading, then the empty state, and the error with 重试', async () => {
  callMock.mockReturnValueOnce(new Promise(() => undefined))
  const { unmount } = render(<PendingPage />)
  expect(screen.getByTestId('loading')).toBeTruthy()
  unmount()
  await open([])
  expect(screen.getByTestId('empty').textContent).toContain('没有待激活的志愿者')
})

test('a failed load says why and retries', async () => {
  callMock.mockResolvedValueOnce({ ok: false, code: 'NOT_IN_SCOPE', message: '只有管理员可以查看' })
  render(<PendingPage />)
  expect((await screen.findByTestId('error')).textContent).toContain('只有管理员可以查看')
  callMock.mockResolvedValue(page([item({})]))
  fireEvent.click(screen.getByRole('button', { name: '重试' }))
  expect(await screen.findByText('李明')).toBeTruthy()
})

test('re-issuing for an unclaimed import shows the new code once, until hidden', async () => {
  await open([item({ imported: true })])
  callMock.mockImplementation(async (action: string) =>
    action === 'admin.reissueCode'
      ? ({ ok: true, data: { volunteerId: 'v-1', code: '135790', days: 7 } } as never)
      : (page([item({ imported: true, codeAgeDays: 0 })]) as never),
  )
  await tap('reissue-v-1')
  expect(jest.mocked(Taro.showModal).mock.calls[0][0]).toMatchObject({ confirmText: '重发' })
  expect(callMock).toHaveBeenCalledWith('admin.reissueCode', { volunteerId: 'v-1' })
  expect(screen.getByTestId('code-value').textContent).toBe('135790')
  expect(screen.getByTestId('shown-code').textContent).toContain('只显示这一次')
  // The list itself never shows a code.
  expect(screen.getByTestId('pending-v-1').textContent).not.toContain('135790')
  await tap('hide-code')
  expect(document.body.textContent).not.toContain('135790')
})

test('re-issuing for a self-registered person says the code went to them, and shows none', async () => {
  await open([item({})])
  callMock.mockImplementation(async (action: string) =>
    action === 'admin.reissueCode'
      ? ({ ok: true, data: { volunteerId: 'v-1', code: null, days: 7 } } as never)
      : (page([item({})]) as never),
  )
  await tap('reissue-v-1')
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已重发，激活码已发给本人' }))
  expect(screen.queryByTestId('shown-code')).toBeNull()
})

test('cancelling the confirm sends nothing; a refusal shows the server message', async () => {
  await open([item({})])
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true } as never)
  await tap('reissue-v-1')
  expect(callMock).not.toHaveBeenCalledWith('admin.reissueCode', expect.anything())
  callMock.mockResolvedValueOnce({ ok: false, code: 'WRONG_STATE', message: '只有待激活的志愿者可以重新发放激活码' })
  await tap('reissue-v-1')
  expect(screen.getByTestId('action-error').textContent).toBe('只有待激活的志愿者可以重新发放激活码')
})

test('opens the registration detail with the id encoded', async () => {
  await open([item({ volunteerId: 'v&1' })])
  fireEvent.click(screen.getByTestId('open-v&1'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/review-detail/index?volunteerId=v%261' })
})
