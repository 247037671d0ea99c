import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { AppealItem } from '../../../../../types/api'
import { call } from '../../../../services/client'
import { answerCalls, sent } from '../../../../../test/support/answer-calls'
import AppealsPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

const appeal = (over: Partial<AppealItem> = {}): AppealItem => ({
  id: 'a-1',
  volunteerId: 'v-1',
  name: '刘桂英',
  idNumberMasked: '430***********004X',
  mobileMasked: '139****0035',
  note: '我从未注册过',
  at: '2026-11-30T02:00:00.000Z',
  ...over,
})

beforeEach(() => {
  callMock.mockReset()
  jest.mocked(Taro.navigateTo).mockClear()
  jest.mocked(Taro.showModal).mockClear()
  jest.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
})

const ok = <T,>(data: T) => ({ ok: true as const, data })
const page = (items: AppealItem[]) => ok({ items, nextCursor: null })

async function tap(testId: string) {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId))
  })
}

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } })
}

test('lists open appeals with the numbers masked, and opens the record holding the number', async () => {
  callMock.mockResolvedValue({
    ok: true,
    data: { items: [appeal(), appeal({ id: 'a-2', volunteerId: null, name: '王芳' })], nextCursor: null },
  })
  render(<AppealsPage />)
  const first = (await screen.findByTestId('appeal-a-1')).textContent!
  expect(callMock).toHaveBeenCalledWith('admin.appeals', { limit: 20 })
  expect(first).toContain('430***********004X')
  expect(first).toContain('139****0035')
  expect(first).toContain('2026年11月30日 10:00')
  expect(screen.getByTestId('appeal-a-2').textContent).toContain('目前没有注册')
  fireEvent.click(screen.getByTestId('open-a-1'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/review-detail/index?volunteerId=v-1' })
})

test('loading, empty, and a failure with 重试', async () => {
  callMock.mockResolvedValueOnce({ ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' })
  render(<AppealsPage />)
  expect(screen.getByTestId('loading')).toBeTruthy()
  expect((await screen.findByTestId('error')).textContent).toContain('网络不可用')
  callMock.mockResolvedValue({ ok: true, data: { items: [], nextCursor: null } })
  fireEvent.click(screen.getByRole('button', { name: '重试' }))
  expect((await screen.findByTestId('empty')).textContent).toContain('没有待处理的申诉')
})

test('显示完整 reveals that appellant’s mobile only, and says reveals are audited', async () => {
  answerCalls(callMock, {
    'admin.appeals': page([appeal(), appeal({ id: 'a-2', mobileMasked: '137****1234' })]),
    'admin.revealAppeal': ok({ value: '13900000035' }),
  })
  render(<AppealsPage />)
  await screen.findByTestId('appeal-a-1')
  expect(document.body.textContent).toContain('每次查看都会记录在审计日志中')
  await tap('reveal-a-1')
  expect(sent(callMock, 'admin.revealAppeal')).toEqual([{ appealId: 'a-1' }])
  expect(screen.getByTestId('mobile-a-1').textContent).toContain('13900000035')
  expect(screen.queryByTestId('reveal-a-1')).toBeNull()
  expect(screen.getByTestId('mobile-a-2').textContent).toContain('137****1234')
})

test('a refused reveal says why on that appeal and shows nothing more', async () => {
  answerCalls(callMock, {
    'admin.appeals': page([appeal()]),
    'admin.revealAppeal': { ok: false, code: 'NOT_IN_SCOPE', message: '该申诉不在您的管理范围内' },
  })
  render(<AppealsPage />)
  await screen.findByTestId('appeal-a-1')
  await tap('reveal-a-1')
  expect(screen.getByTestId('error-a-1').textContent).toBe('该申诉不在您的管理范围内')
  expect(screen.getByTestId('mobile-a-1').textContent).toContain('139****0035')
})

test('closing asks for an outcome and a note before anything is sent', async () => {
  answerCalls(callMock, { 'admin.appeals': page([appeal()]) })
  render(<AppealsPage />)
  await screen.findByTestId('appeal-a-1')
  await tap('close-a-1')
  await tap('confirm-close')
  expect(screen.getByTestId('outcome-error').textContent).toBe('请选择处理结果')
  expect(screen.getByTestId('note-error').textContent).toBe('请填写处理说明')
  type('close-note', '好')
  await tap('outcome-confirmed')
  await tap('confirm-close')
  expect(screen.queryByTestId('outcome-error')).toBeNull()
  expect(screen.getByTestId('note-error').textContent).toBe('处理说明至少 2 个字')
  expect(Taro.showModal).not.toHaveBeenCalled()
  expect(sent(callMock, 'admin.closeAppeal')).toEqual([])
})

test('closes after a confirmation naming the outcome, then the list no longer shows it', async () => {
  let open = [appeal()]
  answerCalls(callMock, {
    'admin.appeals': () => page(open),
    'admin.closeAppeal': () => {
      open = []
      return ok({ appealId: 'a-1', outcome: 'voided' as const })
    },
  })
  render(<AppealsPage />)
  await screen.findByTestId('appeal-a-1')
  await tap('close-a-1')
  await tap('outcome-voided')
  type('close-note', '已电话核实，冒用的注册已作废')
  await tap('confirm-close')
  const [asked] = jest.mocked(Taro.showModal).mock.calls.map(([o]) => o)
  expect(asked).toMatchObject({ title: '关闭申诉' })
  expect(asked?.content).toContain('已作废冒用注册')
  expect(asked?.content).toContain('不能撤销')
  expect(sent(callMock, 'admin.closeAppeal')).toEqual([
    { appealId: 'a-1', outcome: 'voided', note: '已电话核实，冒用的注册已作废' },
  ])
  expect(screen.getByTestId('done').textContent).toContain('已关闭刘桂英的申诉（已作废冒用注册）')
  expect(screen.queryByTestId('appeal-a-1')).toBeNull()
  expect(screen.getByTestId('empty')).toBeTruthy()
})

test('cancelling the confirmation sends nothing', async () => {
  jest.mocked(Taro.showModal).mockResolvedValue({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
  answerCalls(callMock, { 'admin.appeals': page([appeal()]) })
  render(<AppealsPage />)
  await screen.findByTestId('appeal-a-1')
  await tap('close-a-1')
  await tap('outcome-other')
  type('close-note', '已电话联系本人')
  await tap('confirm-close')
  expect(sent(callMock, 'admin.closeAppeal')).toEqual([])
  expect(screen.getByTestId('close-form-a-1')).toBeTruthy()
})

test('an appeal another administrator closed first: says so and refreshes the list', async () => {
  let calls = 0
  answerCalls(callMock, {
    'admin.appeals': () => page(calls++ === 0 ? [appeal()] : []),
    'admin.closeAppeal': { ok: false, code: 'CONFLICT', message: '该申诉已处理，请刷新列表' },
  })
  render(<AppealsPage />)
  await screen.findByTestId('appeal-a-1')
  await tap('close-a-1')
  await tap('outcome-confirmed')
  type('close-note', '注册属实')
  await tap('confirm-close')
  expect(jest.mocked(Taro.showModal).mock.calls[1][0]).toMatchObject({ title: '已被其他管理员处理' })
  expect(screen.queryByTestId('appeal-a-1')).toBeNull()
  expect(screen.queryByTestId('done')).toBeNull()
})
