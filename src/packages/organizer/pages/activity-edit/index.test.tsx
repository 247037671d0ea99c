import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as taro from '@tarojs/taro'
import { editView, fail, heshan, input, me, ok } from '../../../../../test/support/activity-fixtures'
import { answerCalls, sent } from '../../../../../test/support/answer-calls'
import { levelsOf } from '../../../../../test/support/team-levels'
import { resetStorage } from '../../../../../test/support/taro-mock'
import { call } from '../../../../services/client'
import ActivityEditPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  Picker: jest.requireActual('../../../../../test/support/picker-mock').Picker,
}))
const callMock = call as jest.MockedFunction<typeof call>
const organizer = me({ roles: [{ role: 'organizer', team: heshan }] })
const route = (params: Record<string, string>) =>
  jest.spyOn(taro, 'useRouter').mockReturnValue({ params, path: '' } as never)

beforeEach(() => {
  callMock.mockReset()
  resetStorage()
  for (const f of [Taro.showModal, Taro.navigateBack, Taro.navigateTo]) jest.mocked(f).mockClear()
  jest.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
})
afterEach(() => jest.restoreAllMocks())

const tap = (testId: string) =>
  act(async () => {
    fireEvent.click(screen.getByTestId(testId))
  })
const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } })
const choose = (testId: string, index: number) =>
  fireEvent.change(within(screen.getByTestId(testId)).getByRole('combobox'), { target: { value: String(index) } })
const pick = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId).querySelector('input')!, { target: { value } })

test('shows every invalid field at once and sends nothing', async () => {
  route({})
  answerCalls(callMock, { 'volunteer.me': ok(organizer), 'team.tree': levelsOf([]) })
  render(<ActivityEditPage />)
  await screen.findByTestId('input-title')
  await tap('save')
  const invalid = [
    'title',
    'type',
    'venueKind',
    'address',
    'startAt',
    'endAt',
    'signupDeadline',
    'capacity',
    'contact-name',
    'contact-phone',
    'insured',
  ]
  for (const f of invalid) expect(screen.getByTestId(`field-${f}-error`).textContent).not.toBe('')
  expect(screen.getByTestId('field-title-error').textContent).toBe('请填写活动名称')
  // The only team of an organizer is chosen already.
  expect(screen.queryByTestId('field-teamId-error')).toBeNull()
  expect(sent(callMock, 'activity.save')).toEqual([])
})

test('fills a new activity, saves a draft, then publishes with the returned revision', async () => {
  route({})
  const saved = editView({ id: 'act-new', rev: 1 })
  answerCalls(callMock, {
    'volunteer.me': ok(organizer),
    'team.tree': levelsOf([]),
    'activity.save': ok(saved),
    'activity.publish': ok(editView({ id: 'act-new', rev: 2, stage: 'published', status: 'open' })),
  })
  render(<ActivityEditPage />)
  await screen.findByTestId('input-title')
  type('input-title', '防灾减灾科普进社区')
  choose('picker-type', 0)
  fireEvent.click(screen.getByTestId('focus-key_event'))
  choose('picker-theme', 1)
  fireEvent.click(screen.getByTestId('beneficiary-elderly'))
  pick('start-date', '2030-09-20')
  pick('start-time', '09:30')
  pick('end-date', '2030-09-20')
  pick('end-time', '12:30')
  pick('deadline-date', '2030-09-19')
  pick('deadline-time', '18:00')
  choose('picker-venue', 1)
  type('input-address', '赫山区金银山街道社区服务中心')
  type('input-capacity', '30')
  fireEvent.click(screen.getByTestId('insured-yes'))
  type('input-contact-name', '王老师')
  type('input-contact-phone', '13807370001')
  type('input-description', '讲解地震、洪水来临时的避险要点。')

  await tap('save')
  expect(sent(callMock, 'activity.save')).toEqual([{ input: input() }])

  await tap('publish')
  expect(sent(callMock, 'activity.save')[1]).toEqual({ id: 'act-new', rev: 1, input: input() })
  expect(sent(callMock, 'activity.publish')).toEqual([{ activityId: 'act-new', rev: 1 }])
  expect(Taro.navigateBack).toHaveBeenCalled()
})

test('edits an activity from its current values and shows the server’s field message', async () => {
  route({ id: 'act-1' })
  answerCalls(callMock, {
    'volunteer.me': ok(organizer),
    'team.tree': levelsOf([]),
    'activity.forEdit': ok(editView({ stage: 'published', status: 'open', signedUp: 12, waiting: 2 })),
    'activity.save': fail('CAPACITY_TOO_LOW', '已有 12 人报名，人数上限不能少于 12', 'input.capacity'),
  })
  render(<ActivityEditPage />)
  expect(((await screen.findByTestId('input-title')) as HTMLInputElement).value).toBe('防灾减灾科普进社区')
  expect(screen.getByTestId('activity-state').textContent).toContain('已报名 12/30')
  expect(screen.getByTestId('activity-state').textContent).toContain('候补 2')
  type('input-capacity', '10')
  await tap('save')
  expect(sent(callMock, 'activity.save')).toEqual([{ id: 'act-1', rev: 3, input: input({ capacity: 10 }) }])
  expect(screen.getByTestId('field-capacity-error').textContent).toBe('已有 12 人报名，人数上限不能少于 12')
})

test('复制为新活动 loads the activity, clears the id, and saves a new draft with every field as it was', async () => {
  route({ copyFrom: 'act-1' })
  const source = input({ location: { latitude: 28.5, longitude: 112.3 } })
  answerCalls(callMock, {
    'volunteer.me': ok(organizer),
    'team.tree': levelsOf([]),
    'activity.forEdit': ok(editView({ stage: 'published', status: 'finished', input: source })),
    'activity.save': ok(editView({ id: 'act-copy', rev: 0 })),
  })
  render(<ActivityEditPage />)
  expect(await screen.findByTestId('copy-notice')).toBeTruthy()
  expect(callMock).toHaveBeenCalledWith('activity.forEdit', { activityId: 'act-1' })
  await tap('save')
  expect(sent(callMock, 'activity.save')).toEqual([{ input: source }])
})

test('取消活动 needs a reason and a confirm', async () => {
  route({ id: 'act-1' })
  answerCalls(callMock, {
    'volunteer.me': ok(organizer),
    'team.tree': levelsOf([]),
    'activity.forEdit': ok(editView({ stage: 'published', status: 'open' })),
    'activity.cancel': ok(editView({ stage: 'cancelled', status: 'cancelled', cancelReason: '台风预警' })),
  })
  render(<ActivityEditPage />)
  await screen.findByTestId('cancel-form')
  await tap('cancel-activity')
  expect(screen.getByTestId('cancel-reason-error').textContent).toBe('请填写取消原因')
  expect(Taro.showModal).not.toHaveBeenCalled()
  type('input-cancel-reason', '台风预警')
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
  await tap('cancel-activity')
  expect(sent(callMock, 'activity.cancel')).toEqual([])
  await tap('cancel-activity')
  expect(sent(callMock, 'activity.cancel')).toEqual([{ activityId: 'act-1', reason: '台风预警' }])
  expect(screen.getByTestId('activity-state').textContent).toContain('取消原因：台风预警')
  expect(screen.queryByTestId('save')).toBeNull()
})

test('a half-filled form comes back after leaving the page', async () => {
  route({})
  answerCalls(callMock, { 'volunteer.me': ok(organizer), 'team.tree': levelsOf([]) })
  const first = render(<ActivityEditPage />)
  await screen.findByTestId('input-title')
  type('input-title', '农技服务下乡')
  await act(async () => undefined)
  first.unmount()

  render(<ActivityEditPage />)
  expect(await screen.findByTestId('restored')).toBeTruthy()
  expect((screen.getByTestId('input-title') as HTMLInputElement).value).toBe('农技服务下乡')
  fireEvent.click(screen.getByText('放弃这些修改'))
  expect((screen.getByTestId('input-title') as HTMLInputElement).value).toBe('')
})
