import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { elder, fail, ok, ticket } from '../../../test/support/activity-fixtures'
import { answerCalls, sent } from '../../../test/support/answer-calls'
import { resetStorage } from '../../../test/support/taro-mock'
import { call } from '../../services/client'
import { Elders } from './elders'

jest.mock('../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

beforeEach(() => {
  callMock.mockReset()
  jest.mocked(Taro.navigateTo).mockClear()
  jest.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
})

test('shows nothing to someone who registered nobody', async () => {
  answerCalls(callMock, { 'activity.elders': ok({ elders: [] }) })
  render(<Elders />)
  await act(async () => undefined)
  expect(callMock).toHaveBeenCalledWith('activity.elders', {})
  expect(screen.queryByTestId('elders')).toBeNull()
})

test('lists each person with their status, what it means, and the sign-ups made for them', async () => {
  answerCalls(callMock, {
    'activity.elders': ok({
      elders: [
        elder({ tickets: [ticket({ nameMasked: '王**' })] }),
        elder({ volunteerId: 'vol-e2', nameMasked: '李**', relation: 'team_leader', status: 'approved' }),
      ],
    }),
  })
  render(<Elders />)
  const first = await screen.findByTestId('elder-vol-e1')
  expect(first.textContent).toContain('王**（家人代为注册）')
  expect(first.textContent).toContain('已激活')
  expect(first.textContent).toContain('防灾减灾科普进社区')
  expect(first.textContent).toContain('报名成功')
  const second = screen.getByTestId('elder-vol-e2')
  expect(second.textContent).toContain('李**（队伍负责人代为注册）')
  expect(second.textContent).toContain('待激活：请本人用身份证号和激活码在“我的”中认领并激活')
  await act(async () => {
    fireEvent.click(screen.getByTestId('elder-show-tk-1'))
  })
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/ticket/index?id=tk-1&elder=1' })
})

test('cancels a sign-up made for them after asking, and shows a refusal', async () => {
  let cancelled = false
  answerCalls(callMock, {
    'activity.elders': () => ok({ elders: [elder({ tickets: cancelled ? [] : [ticket()] })] }),
    'activity.cancelFor': () => {
      cancelled = true
      return ok(ticket({ status: 'cancelled', token: null }))
    },
  })
  render(<Elders />)
  await screen.findByTestId('elder-ticket-tk-1')
  await act(async () => {
    fireEvent.click(screen.getByTestId('elder-cancel-tk-1'))
  })
  expect(sent(callMock, 'activity.cancelFor')).toEqual([{ ticketId: 'tk-1' }])
  expect(screen.queryByTestId('elder-ticket-tk-1')).toBeNull()

  answerCalls(callMock, {
    'activity.elders': ok({ elders: [elder({ tickets: [ticket({ id: 'tk-2' })] })] }),
    'activity.cancelFor': fail('CANCEL_CLOSED', '活动开始前 24 小时内不能取消报名'),
  })
  render(<Elders />)
  await screen.findAllByTestId('elder-ticket-tk-2')
  await act(async () => {
    fireEvent.click(screen.getAllByTestId('elder-cancel-tk-2')[0])
  })
  expect(screen.getAllByTestId('elders-action-error')[0].textContent).toBe('活动开始前 24 小时内不能取消报名')
})

test('with no network shows the sign-ups kept from the last answer, so their codes still open', async () => {
  resetStorage()
  const elders = [elder({ tickets: [ticket({ nameMasked: '王**' })] })]
  answerCalls(callMock, { 'activity.elders': ok({ elders }) })
  const online = render(<Elders />)
  await screen.findByTestId('elder-vol-e1')
  await act(async () => undefined)
  online.unmount()

  answerCalls(callMock, { 'activity.elders': fail('NETWORK', '网络不可用，请稍后重试') })
  render(<Elders />)
  expect((await screen.findByTestId('elders-stale')).textContent).toContain('显示的是上次保存在手机上的报名')
  await act(async () => {
    fireEvent.click(screen.getByTestId('elder-show-tk-1'))
  })
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/ticket/index?id=tk-1&elder=1' })
})

test('with no network and nothing kept shows nothing', async () => {
  resetStorage()
  answerCalls(callMock, { 'activity.elders': fail('NETWORK', '网络不可用，请稍后重试') })
  render(<Elders />)
  await act(async () => undefined)
  expect(screen.queryByTestId('elders')).toBeNull()
})
