import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { idCardCheckChar } from '../../../../../types/idcard'
import { resetStorage } from '../../../../../test/support/taro-mock'
import { call } from '../../../../services/client'
import { DRAFT_KEY } from '../register/use-register'
import AppealPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

const ID = '43090219850312031' + idCardCheckChar('43090219850312031')
const type = (name: string, value: string) =>
  fireEvent.change(screen.getByTestId(`input-${name}`), { target: { value } })
async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByTestId('submit'))
  })
}

beforeEach(() => {
  callMock.mockReset()
  resetStorage()
})

test('starts from the registration draft on the phone, then sends the appeal and says what happens next', async () => {
  Taro.setStorageSync(DRAFT_KEY, { name: '李明', idNumber: ID, mobile: '13807371001', employer: 'x' })
  callMock.mockResolvedValue({ ok: true, data: { received: true } })
  render(<AppealPage />)
  expect((screen.getByTestId('input-idNumber') as HTMLInputElement).value).toBe(ID)
  type('note', '我从未在这里注册过')
  await submit()
  expect(callMock).toHaveBeenCalledWith('volunteer.appeal', {
    name: '李明',
    idNumber: ID,
    mobile: '13807371001',
    note: '我从未在这里注册过',
  })
  expect(screen.getByTestId('appeal-sent').textContent).toContain('申诉已提交')
})

test('an incomplete appeal names every missing field and sends nothing', async () => {
  render(<AppealPage />)
  await submit()
  expect(callMock).not.toHaveBeenCalled()
  for (const f of ['name', 'idNumber', 'mobile', 'note'])
    expect(screen.getByTestId(`field-${f}-error`).textContent).toMatch(/[\u4e00-\u9fff]/)
})

test('a refusal (too many today) is shown and the form stays filled', async () => {
  Taro.setStorageSync(DRAFT_KEY, { name: '李明', idNumber: ID, mobile: '13807371001' })
  callMock.mockResolvedValue({ ok: false, code: 'RATE_LIMITED', message: '今天的申诉次数已用完，请明天再试' })
  render(<AppealPage />)
  type('note', '是我本人')
  await submit()
  expect(screen.getByTestId('form-error').textContent).toBe('今天的申诉次数已用完，请明天再试')
  expect((screen.getByTestId('input-note') as HTMLTextAreaElement).value).toBe('是我本人')
  expect(screen.queryByTestId('appeal-sent')).toBeNull()
})
