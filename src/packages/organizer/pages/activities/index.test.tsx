import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { editView, input, ok } from '../../../../../test/support/activity-fixtures'
import { call } from '../../../../services/client'
import OrganizedPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

beforeEach(() => {
  callMock.mockReset()
  jest.mocked(Taro.navigateTo).mockClear()
})

test('lists each activity with its status and counts; a tap opens the editor', async () => {
  callMock.mockResolvedValue(
    ok({
      items: [
        editView({ stage: 'published', status: 'open', signedUp: 30, waiting: 2 }),
        editView({ id: 'act-2', input: input({ title: '农技服务下乡' }) }),
      ],
      nextCursor: null,
    }),
  )
  render(<OrganizedPage />)
  const rows = await screen.findAllByTestId('organized-row')
  expect(rows[0].textContent).toContain('报名中')
  expect(screen.getAllByTestId('organized-counts').map((c) => c.textContent)).toEqual([
    '已报名 30/30 · 候补 2',
    '已报名 0/30',
  ])
  expect(rows[1].textContent).toContain('草稿')
  fireEvent.click(rows[1])
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/organizer/pages/activity-edit/index?id=act-2' })
  expect(callMock).toHaveBeenCalledWith('activity.organized', { limit: 20 })
})

test('nothing yet says so, and 发布新活动 opens an empty form', async () => {
  callMock.mockResolvedValue(ok({ items: [], nextCursor: null }))
  render(<OrganizedPage />)
  expect((await screen.findByTestId('empty')).textContent).toContain('还没有组织的活动')
  fireEvent.click(screen.getByTestId('new-activity'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/organizer/pages/activity-edit/index' })
})

test('a published activity opens its attendance without opening the editor; the list links to scan and to-do', async () => {
  callMock.mockResolvedValue(
    ok({ items: [editView({ stage: 'published', status: 'open' }), editView({ id: 'act-2' })], nextCursor: null }),
  )
  render(<OrganizedPage />)
  const links = await screen.findAllByTestId('organized-attendance')
  expect(links).toHaveLength(1)
  fireEvent.click(links[0])
  expect(jest.mocked(Taro.navigateTo).mock.calls).toEqual([
    [{ url: '/packages/organizer/pages/attendance/index?id=act-1' }],
  ])
  fireEvent.click(screen.getByTestId('organized-scan'))
  fireEvent.click(screen.getByTestId('organized-todo'))
  expect(jest.mocked(Taro.navigateTo).mock.calls.slice(1)).toEqual([
    [{ url: '/packages/organizer/pages/scan/index' }],
    [{ url: '/packages/organizer/pages/records-todo/index' }],
  ])
})
