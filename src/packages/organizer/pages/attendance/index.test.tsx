import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fail, ok } from '../../../../../test/support/activity-fixtures'
import { answerCalls, sent } from '../../../../../test/support/answer-calls'
import { attendance, attendee, outcome } from '../../../../../test/support/checkin-fixtures'
import { call } from '../../../../services/client'
import AttendancePage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
jest.mock('@tarojs/taro', () => {
  const real = jest.requireActual('../../../../../test/support/taro-mock')
  return { ...real, __esModule: true, default: real.default, useRouter: () => ({ params: { id: 'act-1' }, path: '' }) }
})
const callMock = call as jest.MockedFunction<typeof call>

const makeup = {
  id: 'mk-1',
  ticketId: 'tk-1',
  hours: 1,
  reason: '现场无信号',
  by: '王**',
  at: '2030-09-21T01:00:00.000Z',
  declined: null,
}

beforeEach(() => {
  callMock.mockReset()
  jest.mocked(Taro.navigateTo).mockClear()
})

test('shows the counts, the hours rule and who checked in, with the other lists a tap away', async () => {
  answerCalls(callMock, { 'checkin.attendance': ok(attendance()) })
  render(<AttendancePage />)
  expect((await screen.findByTestId('attendance-counts')).textContent).toContain('2已报名1已签到0已签退')
  expect(screen.getByText(/服务时长计算规则/).textContent).toContain('0.5 小时')
  expect(screen.getByTestId('attendee-list').textContent).toContain('刘*')
  expect(screen.getByTestId('attendee-list').textContent).not.toContain('王**')
  fireEvent.click(screen.getByTestId('group-absent'))
  expect(screen.getByTestId('attendee-list').textContent).toContain('王**')
  expect(sent(callMock, 'checkin.attendance')).toEqual([{ activityId: 'act-1' }])
})

test('finds someone without a smartphone by the last four digits and checks them in by hand', async () => {
  answerCalls(callMock, {
    'checkin.attendance': ok(attendance()),
    'checkin.scan': ({ scan }) => ok(outcome({ nonce: scan.nonce, ticketId: 'tk-2', nameMasked: '王**' })),
  })
  render(<AttendancePage />)
  fireEvent.change(await screen.findByTestId('find-person'), { target: { value: '1234' } })
  expect(screen.getByTestId('person-tk-2')).toBeTruthy()
  await act(async () => {
    fireEvent.click(screen.getByTestId('manual-in-tk-2'))
  })
  const [req] = sent(callMock, 'checkin.scan') as { scan: { token: string; mode: string } }[]
  expect(req.scan).toMatchObject({ token: 'tk-2', mode: 'in' })
  expect(screen.getByTestId('attendance-notice').textContent).toBe('王** 签到成功（手动）')
  expect(sent(callMock, 'checkin.attendance')).toHaveLength(2)
  fireEvent.change(screen.getByTestId('find-person'), { target: { value: '9999' } })
  expect(screen.getByText('没有找到报名的志愿者')).toBeTruthy()
})

test('补录 needs hours and a reason; the server’s refusal shows by the form', async () => {
  answerCalls(callMock, {
    'checkin.attendance': ok(attendance()),
    'checkin.makeup': fail('MAKEUP_TOO_LONG', '补录时长不能超过活动时长 3 小时'),
  })
  render(<AttendancePage />)
  fireEvent.click(await screen.findByTestId('makeup-tk-1'))
  await act(async () => {
    fireEvent.click(screen.getByTestId('makeup-save'))
  })
  expect(screen.getByTestId('makeup-form').textContent).toContain('请填写补录时长')
  expect(sent(callMock, 'checkin.makeup')).toHaveLength(0)
  fireEvent.change(screen.getByTestId('makeup-hours'), { target: { value: '5' } })
  fireEvent.change(screen.getByTestId('makeup-reason'), { target: { value: '现场无信号' } })
  await act(async () => {
    fireEvent.click(screen.getByTestId('makeup-save'))
  })
  expect(screen.getByTestId('makeup-form').textContent).toContain('补录时长不能超过活动时长 3 小时')
  answerCalls(callMock, { 'checkin.attendance': ok(attendance()), 'checkin.makeup': ok(makeup) })
  fireEvent.change(screen.getByTestId('makeup-hours'), { target: { value: '1' } })
  await act(async () => {
    fireEvent.click(screen.getByTestId('makeup-save'))
  })
  expect(sent(callMock, 'checkin.makeup').at(-1)).toEqual({ ticketId: 'tk-1', hours: 1, reason: '现场无信号' })
  expect(screen.queryByTestId('makeup-form')).toBeNull()
  expect(screen.getByTestId('attendance-notice').textContent).toBe('已为 刘* 补录 1 小时')
})

test('lists each 补录 with its id; 撤销补录 needs a reason and a confirmation, and keeps it as 已撤销', async () => {
  const old = {
    ...makeup,
    id: 'mk-0',
    reason: '重复录入',
    declined: { by: '王**', at: '2030-09-21T02:00:00.000Z', reason: '与签退重复' },
  }
  const rows = [attendee({ checkedInAt: '2030-09-20T01:25:00.000Z', makeupHours: 1, makeups: [old, makeup] })]
  answerCalls(callMock, {
    'checkin.attendance': ok(attendance({ rows })),
    'checkin.declineMakeup': fail('CONFLICT', '补录记录刚刚发生了变化，请刷新后重试'),
  })
  render(<AttendancePage />)
  expect((await screen.findByTestId('makeup-line-mk-0')).textContent).toContain('已撤销：与签退重复')
  expect(screen.queryByTestId('decline-mk-0')).toBeNull()
  expect(screen.getByTestId('makeup-line-mk-1').textContent).toContain('补录 1 小时 · 现场无信号')
  fireEvent.click(screen.getByTestId('decline-mk-1'))
  await act(async () => {
    fireEvent.click(screen.getByTestId('decline-save'))
  })
  expect(screen.getByTestId('decline-form').textContent).toContain('请填写撤销原因')
  expect(sent(callMock, 'checkin.declineMakeup')).toHaveLength(0)
  fireEvent.change(screen.getByTestId('decline-reason'), { target: { value: '经核实当天未到场' } })
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
  await act(async () => {
    fireEvent.click(screen.getByTestId('decline-save'))
  })
  expect(sent(callMock, 'checkin.declineMakeup')).toHaveLength(0)
  await act(async () => {
    fireEvent.click(screen.getByTestId('decline-save'))
  })
  expect(screen.getByTestId('decline-form').textContent).toContain('补录记录刚刚发生了变化')
  answerCalls(callMock, {
    'checkin.attendance': ok(attendance()),
    'checkin.declineMakeup': ok({ ...makeup, declined: { by: '王**', at: makeup.at, reason: '经核实当天未到场' } }),
  })
  await act(async () => {
    fireEvent.click(screen.getByTestId('decline-save'))
  })
  expect(sent(callMock, 'checkin.declineMakeup').at(-1)).toEqual({ makeupId: 'mk-1', reason: '经核实当天未到场' })
  expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '撤销补录' }))
  expect(screen.getByTestId('attendance-notice').textContent).toBe('已撤销刘*的补录 1 小时')
  expect(screen.queryByTestId('decline-form')).toBeNull()
})

test('confirms the records after asking, and leads to the scan, write-up and print pages', async () => {
  answerCalls(callMock, {
    'checkin.attendance': ok(attendance()),
    'checkin.confirmRecords': ok(attendance({ recordsConfirmedAt: '2030-09-22T02:00:00.000Z' })),
  })
  render(<AttendancePage />)
  const confirm = await screen.findByTestId('confirm-records')
  await act(async () => {
    fireEvent.click(confirm)
  })
  expect(Taro.showModal).toHaveBeenCalled()
  expect(sent(callMock, 'checkin.confirmRecords')).toEqual([{ activityId: 'act-1' }])
  fireEvent.click(screen.getByTestId('go-scan'))
  fireEvent.click(screen.getByTestId('go-report'))
  fireEvent.click(screen.getByTestId('go-print'))
  expect(jest.mocked(Taro.navigateTo).mock.calls.map((c) => c[0])).toEqual([
    { url: '/packages/organizer/pages/scan/index?id=act-1' },
    { url: '/packages/organizer/pages/report/index?id=act-1' },
    { url: '/packages/organizer/pages/print/index?id=act-1' },
  ])
})

test('a confirmed activity says when; a failed load offers 重试', async () => {
  answerCalls(callMock, {
    'checkin.attendance': ok(attendance({ recordsConfirmedAt: '2030-09-22T02:00:00.000Z', rows: [attendee()] })),
  })
  const { unmount } = render(<AttendancePage />)
  expect((await screen.findByTestId('records-confirmed')).textContent).toContain('2030年9月22日 10:00')
  unmount()
  answerCalls(callMock, { 'checkin.attendance': fail('NOT_IN_SCOPE', '这不是你所在队伍的活动') })
  render(<AttendancePage />)
  expect((await screen.findByTestId('error')).textContent).toContain('这不是你所在队伍的活动')
})
