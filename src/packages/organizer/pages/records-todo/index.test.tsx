import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fail, ok } from '../../../../../test/support/activity-fixtures'
import { answerCalls } from '../../../../../test/support/answer-calls'
import { call } from '../../../../services/client'
import RecordsTodoPage from './index'
import { toTodoRow } from './use-records-todo'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

const todo = {
  activityId: 'act-1',
  title: '防灾减灾科普进社区',
  endAt: '2030-09-20T04:30:00.000Z',
  dueAt: '2030-10-08T16:00:00.000Z',
  checkedIn: 12,
}

beforeEach(() => {
  callMock.mockReset()
  jest.mocked(Taro.navigateTo).mockClear()
})

test('lists activities whose records wait, with the due date; a tap opens the attendance', async () => {
  answerCalls(callMock, { 'checkin.todo': ok({ items: [todo], nextCursor: null }) })
  render(<RecordsTodoPage />)
  const row = await screen.findByTestId('todo-row')
  expect(row.textContent).toContain('签到 12 人')
  expect(row.textContent).toContain('2030年10月9日 00:00 前确认')
  fireEvent.click(row)
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/organizer/pages/attendance/index?id=act-1' })
})

test('an overdue one says so', () => {
  expect(toTodoRow(todo, new Date('2030-10-10T00:00:00.000Z'))).toMatchObject({ overdue: true })
  expect(toTodoRow(todo, new Date('2030-10-10T00:00:00.000Z')).due).toContain('已逾期')
})

test('nothing to confirm, and a failed load', async () => {
  answerCalls(callMock, { 'checkin.todo': ok({ items: [], nextCursor: null }) })
  const { unmount } = render(<RecordsTodoPage />)
  expect((await screen.findByTestId('empty')).textContent).toContain('没有待确认的服务记录')
  unmount()
  answerCalls(callMock, { 'checkin.todo': fail('NETWORK', '网络不可用，请稍后重试') })
  render(<RecordsTodoPage />)
  expect((await screen.findByTestId('error')).textContent).toContain('网络不可用')
})
