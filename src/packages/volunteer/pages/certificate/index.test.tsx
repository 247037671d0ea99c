import { act, fireEvent, render, screen } from '@testing-library/react'
import { heshan, medical, ok } from '../../../../../test/support/admin-fixtures'
import { answerCalls, sent } from '../../../../../test/support/answer-calls'
import { certificate } from '../../../../../test/support/report-fixtures'
import { call } from '../../../../services/client'
import CertificatePage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el)
  })
}

beforeEach(() => callMock.mockReset())

test('asks the chosen team for the certificate and shows scanned and 补录 hours apart', async () => {
  answerCalls(callMock, {
    'report.certificateIssuers': ok([heshan, medical]),
    'report.certificate': ok(certificate()),
  })
  render(<CertificatePage />)
  await screen.findByTestId('issuers')
  await click(screen.getByTestId(`issuer-${heshan.id}`))
  await click(screen.getByText('出具服务记录证明'))
  expect(sent(callMock, 'report.certificate')).toEqual([{ teamId: heshan.id }])
  expect(screen.getByTestId('line-act-1').textContent).toContain('服务时间：3 小时（签到）')
  expect(screen.getByTestId('line-act-2').textContent).toContain('服务时间：2.5 小时（补录）')
  expect(screen.getByTestId('total').textContent).toBe('累计服务时间：5.5 小时（其中签到记录 3 小时，补录 2.5 小时）')
  expect(screen.getByTestId('serial').textContent).toBe('证明编号：ZM2024000123')
  expect(screen.getByTestId('code').textContent).toBe('核验码：AB12CD34')
})

test('says so when no team can certify any service yet', async () => {
  answerCalls(callMock, { 'report.certificateIssuers': ok([]) })
  render(<CertificatePage />)
  expect((await screen.findByTestId('empty')).textContent).toContain('还没有可以出具证明的服务记录')
})
