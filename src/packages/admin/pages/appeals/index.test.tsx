import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { AppealItem } from '../../../../../types/api'
import { call } from '../../../../services/client'
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
})

test('lists open appeals with the numbers masked, and opens the record holding the number', async () => {
  callMock.mockResolvedValue({ ok: true, data: [appeal(), appeal({ id: 'a-2', volunteerId: null, name: '王芳' })] })
  render(<AppealsPage />)
  const first = (await screen.findByTestId('appeal-a-1')).textContent!
  expect(callMock).toHaveBeenCalledWith('admin.appeals', {})
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
  callMock.mockResolvedValue({ ok: true, data: [] })
  fireEvent.click(screen.getByRole('button', { name: '重试' }))
  expect((await screen.findByTestId('empty')).textContent).toContain('没有待处理的申诉')
})
