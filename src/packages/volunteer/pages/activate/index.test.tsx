import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as taro from '@tarojs/taro'
import type { MeView } from '../../../../../types/api'
import { idCardCheckChar } from '../../../../../types/idcard'
import { call } from '../../../../services/client'
import ActivatePage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

const active = { status: 'active' } as MeView
const ID = (() => {
  const first17 = '43090219850312031'
  return first17 + idCardCheckChar(first17)
})()

function route(params: Record<string, string>) {
  jest.spyOn(taro, 'useRouter').mockReturnValue({ params, path: '' } as never)
}

const enter = (name: 'code' | 'idNumber', value: string) =>
  fireEvent.change(screen.getByTestId(`input-${name}`), { target: { value } })

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByTestId('submit'))
  })
}

beforeEach(() => {
  callMock.mockReset()
  jest.mocked(Taro.switchTab).mockClear()
  jest.mocked(Taro.showToast).mockClear()
  route({})
})
afterEach(() => jest.restoreAllMocks())

test('activates with the code and returns to 我的', async () => {
  callMock.mockResolvedValue({ ok: true, data: active })
  render(<ActivatePage />)
  enter('code', '246810')
  await submit()
  expect(callMock).toHaveBeenCalledWith('volunteer.activate', { code: '246810' })
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '激活成功' }))
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
})

test('checks the format before sending', async () => {
  render(<ActivatePage />)
  enter('code', '12a')
  await submit()
  expect(screen.getByTestId('field-code-error').textContent).toBe('激活码为 6 位数字')
  expect(callMock).not.toHaveBeenCalled()
})

test('a wrong code shows the server message with the tries left, and typing clears it', async () => {
  callMock.mockResolvedValue({
    ok: false,
    code: 'CODE_INVALID',
    message: '激活码不正确，还可以尝试 4 次',
    field: 'code',
  })
  render(<ActivatePage />)
  enter('code', '111111')
  await submit()
  expect(screen.getByTestId('field-code-error').textContent).toBe('激活码不正确，还可以尝试 4 次')
  expect(Taro.switchTab).not.toHaveBeenCalled()
  enter('code', '11111')
  expect(screen.queryByTestId('field-code-error')).toBeNull()
})

test('a locked code stops the entry and says to contact the admin', async () => {
  const message = '激活码错误次数过多，已锁定。请联系管理员重新发放激活码'
  callMock.mockResolvedValue({ ok: false, code: 'CODE_LOCKED', message })
  render(<ActivatePage />)
  enter('code', '111111')
  await submit()
  const blocked = screen.getByTestId('blocked').textContent
  expect(blocked).toContain(message)
  expect(blocked).toContain('请联系所在队伍的管理员重新发放激活码')
  expect(screen.queryByTestId('input-code')).toBeNull()
  fireEvent.click(screen.getByRole('button', { name: '返回“我的”' }))
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
})

test('an expired code also says to contact the admin', async () => {
  callMock.mockResolvedValue({ ok: false, code: 'CODE_EXPIRED', message: '激活码已过期，请联系管理员重新发放' })
  render(<ActivatePage />)
  enter('code', '111111')
  await submit()
  expect(screen.getByTestId('blocked').textContent).toContain('激活码已过期，请联系管理员重新发放')
})

test('any other refusal is shown as it is', async () => {
  callMock.mockResolvedValue({ ok: false, code: 'WRONG_STATE', message: '注册尚未审核通过，暂不能激活' })
  render(<ActivatePage />)
  enter('code', '111111')
  await submit()
  expect(screen.getByTestId('form-error').textContent).toBe('注册尚未审核通过，暂不能激活')
})

describe('claim (集体注册)', () => {
  beforeEach(() => route({ mode: 'claim' }))

  test('claims with the ID number and the code', async () => {
    callMock.mockResolvedValue({ ok: true, data: active })
    render(<ActivatePage />)
    expect(screen.getByText('集体注册激活')).toBeTruthy()
    enter('idNumber', ID.toLowerCase())
    enter('code', '135790')
    await submit()
    expect(callMock).toHaveBeenCalledWith('volunteer.claim', { idNumber: ID, code: '135790' })
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
  })

  test('checks the ID number with the registration schema', async () => {
    render(<ActivatePage />)
    enter('idNumber', '4309021985')
    enter('code', '135790')
    await submit()
    expect(screen.getByTestId('field-idNumber-error').textContent).toBe('身份证号应为 18 位')
    expect(callMock).not.toHaveBeenCalled()
  })

  test('a mismatched pair is shown at the code', async () => {
    callMock.mockResolvedValue({ ok: false, code: 'CODE_INVALID', message: '身份证号或激活码不正确', field: 'code' })
    render(<ActivatePage />)
    enter('idNumber', ID)
    enter('code', '135790')
    await submit()
    expect(screen.getByTestId('field-code-error').textContent).toBe('身份证号或激活码不正确')
  })
})

test('opened from the review message, the code is filled in: one tap activates', async () => {
  route({ code: '246810' })
  callMock.mockResolvedValue({ ok: true, data: active })
  render(<ActivatePage />)
  await act(async () => {
    fireEvent.click(screen.getByTestId('submit'))
  })
  expect(callMock).toHaveBeenCalledWith('volunteer.activate', { code: '246810' })
})
