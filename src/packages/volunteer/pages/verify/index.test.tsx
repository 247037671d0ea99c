import { act, fireEvent, render, screen } from '@testing-library/react'
import { ok } from '../../../../../test/support/admin-fixtures'
import { answerCalls, sent } from '../../../../../test/support/answer-calls'
import { check } from '../../../../../test/support/report-fixtures'
import { call } from '../../../../services/client'
import VerifyPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } })
const verify = async () => {
  await act(async () => {
    fireEvent.click(screen.getByText('核验'))
  })
}

beforeEach(() => callMock.mockReset())

test('shows a genuine certificate with what it certifies; letters are read back upper-case', async () => {
  answerCalls(callMock, { 'report.verifyCertificate': ok(check()) })
  render(<VerifyPage />)
  type('verify-serial-input', ' zm2024000123 ')
  type('verify-code-input', 'ab12cd34')
  await verify()
  expect(sent(callMock, 'report.verifyCertificate')).toEqual([{ serial: 'ZM2024000123', code: 'AB12CD34' }])
  const shown = screen.getByTestId('genuine').textContent
  expect(shown).toContain('证明真实有效')
  expect(shown).toContain('志愿者：刘*')
  expect(shown).toContain('服务记录：2 项，累计 5.5 小时')
})

test('says plainly when a certificate is not genuine', async () => {
  answerCalls(callMock, {
    'report.verifyCertificate': ok(
      check({
        valid: false,
        serial: null,
        nameMasked: null,
        issuer: null,
        totalHours: null,
        rows: null,
        issuedOn: null,
      }),
    ),
  })
  render(<VerifyPage />)
  type('verify-serial-input', 'ZM2024000999')
  type('verify-code-input', 'AB12CD34')
  await verify()
  expect(screen.getByTestId('not-genuine').textContent).toContain('未查到此证明')
  expect(screen.queryByTestId('genuine')).toBeNull()
})

test('names a malformed serial and code without asking the server', async () => {
  answerCalls(callMock, {})
  render(<VerifyPage />)
  type('verify-serial-input', '12345')
  type('verify-code-input', 'abc')
  await verify()
  expect(screen.getByTestId('verify-serial-error').textContent).toBe('证明编号格式不正确')
  expect(screen.getByTestId('verify-code-error').textContent).toBe('核验码应为 8 位字母或数字')
  expect(sent(callMock, 'report.verifyCertificate')).toEqual([])
})
