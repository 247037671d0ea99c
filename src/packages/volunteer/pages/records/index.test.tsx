import { act, fireEvent, render, screen } from '@testing-library/react'
import { fail, heshan, ok } from '../../../../../test/support/activity-fixtures'
import { answerCalls, sent } from '../../../../../test/support/answer-calls'
import type { MyServiceRecord } from '../../../../../types/api'
import { call } from '../../../../services/client'
import RecordsPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

const record = (over: Partial<MyServiceRecord> = {}): MyServiceRecord => ({
  activityId: 'act-1',
  title: '防灾减灾科普进社区',
  team: heshan,
  startAt: '2030-09-20T01:30:00.000Z',
  checkedInAt: '2030-09-20T01:25:00.000Z',
  checkedOutAt: '2030-09-20T04:30:00.000Z',
  hours: 3,
  makeupHours: 0,
  autoCheckedOut: true,
  ...over,
})

beforeEach(() => callMock.mockReset())

test('shows each check-in with its hours, and the total', async () => {
  answerCalls(callMock, {
    'checkin.mine': ok({
      items: [
        record(),
        record({ activityId: 'act-2', title: '农技服务下乡', hours: 1.5, makeupHours: 1, autoCheckedOut: false }),
      ],
      nextCursor: null,
      totalHours: 5.5,
    }),
  })
  render(<RecordsPage />)
  expect((await screen.findByTestId('total-hours')).textContent).toBe('5.5 小时')
  const rows = screen.getAllByTestId('record-row')
  expect(rows[0].textContent).toContain('签到 2030年9月20日 09:25')
  expect(rows[0].textContent).toContain('（活动结束自动签退）')
  expect(rows[0].textContent).toContain('3 小时')
  expect(rows[1].textContent).toContain('1.5 小时 · 补录 1 小时')
})

test('申请更正 sends the note to the organizing team', async () => {
  answerCalls(callMock, {
    'checkin.mine': ok({ items: [record()], nextCursor: null, totalHours: 3 }),
    'checkin.requestCorrection': ok({ sent: true as const }),
  })
  render(<RecordsPage />)
  fireEvent.click(await screen.findByTestId('ask-correction'))
  fireEvent.change(screen.getByTestId('correction-note'), { target: { value: '12:30 才离开，签退未记录' } })
  await act(async () => {
    fireEvent.click(screen.getByTestId('send-correction'))
  })
  expect(sent(callMock, 'checkin.requestCorrection')).toEqual([
    { activityId: 'act-1', note: '12:30 才离开，签退未记录' },
  ])
  expect(screen.getByTestId('correction-sent').textContent).toContain('已发给组织者')
})

test('a refused correction shows why and keeps the note', async () => {
  answerCalls(callMock, {
    'checkin.mine': ok({ items: [record()], nextCursor: null, totalHours: 3 }),
    'checkin.requestCorrection': fail('INVALID_INPUT', '更正说明至少 2 个字'),
  })
  render(<RecordsPage />)
  fireEvent.click(await screen.findByTestId('ask-correction'))
  fireEvent.change(screen.getByTestId('correction-note'), { target: { value: '晚' } })
  await act(async () => {
    fireEvent.click(screen.getByTestId('send-correction'))
  })
  expect(screen.getByTestId('correction-form').textContent).toContain('更正说明至少 2 个字')
  expect((screen.getByTestId('correction-note') as HTMLTextAreaElement).value).toBe('晚')
})

test('no records yet, and a failed load', async () => {
  answerCalls(callMock, { 'checkin.mine': ok({ items: [], nextCursor: null, totalHours: 0 }) })
  const { unmount } = render(<RecordsPage />)
  expect((await screen.findByTestId('empty')).textContent).toContain('还没有服务记录')
  unmount()
  answerCalls(callMock, { 'checkin.mine': fail('NETWORK', '网络不可用，请稍后重试') })
  render(<RecordsPage />)
  expect((await screen.findByTestId('error')).textContent).toContain('网络不可用')
})
