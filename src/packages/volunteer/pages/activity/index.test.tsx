import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as taro from '@tarojs/taro'
import type { ActivityDetail } from '../../../../../types/api'
import { detail, fail, me, ok, ticket } from '../../../../../test/support/activity-fixtures'
import { answerCalls, sent } from '../../../../../test/support/answer-calls'
import { shareAppMessage } from '../../../../../test/support/taro-mock'
import { call } from '../../../../services/client'
import { location } from '../../../../services/location'
import { requestSubscribe } from '../../../../services/subscribe'
import ActivityDetailPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
jest.mock('../../../../services/subscribe', () => ({ requestSubscribe: jest.fn() }))
jest.mock('../../../../services/location', () => ({
  location: { available: true, choose: jest.fn(), open: jest.fn(() => Promise.resolve()) },
}))
const callMock = call as jest.MockedFunction<typeof call>
const subscribeMock = jest.mocked(requestSubscribe)

beforeEach(() => {
  callMock.mockReset()
  subscribeMock.mockReset()
  // A refusal must not stop the sign-up.
  subscribeMock.mockResolvedValue('refused')
  jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: 'act-1' }, path: '' } as never)
  for (const f of [Taro.showModal, Taro.showToast, Taro.navigateTo, Taro.switchTab, Taro.makePhoneCall]) {
    jest.mocked(f).mockClear()
  }
  jest.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
})
afterEach(() => jest.restoreAllMocks())

/** The detail answers `first`, then `after` once something was done (the reload). */
function answer(first: ActivityDetail, extra: Parameters<typeof answerCalls>[1] = {}, after = first) {
  let done = false
  answerCalls(callMock, {
    'volunteer.me': ok(me()),
    'activity.elders': ok({ elders: [] }),
    'activity.detail': () => ok(done ? after : first),
    ...Object.fromEntries(
      Object.entries(extra).map(([k, v]) => [
        k,
        (data: never) => {
          done = true
          return typeof v === 'function' ? v(data) : v
        },
      ]),
    ),
  })
}

const tapMain = () =>
  act(async () => {
    fireEvent.click(screen.getByTestId('signup-button'))
  })

test('shows the activity with its time, venue, team, contact, theme, beneficiaries, focus and insurance', async () => {
  answer(detail())
  render(<ActivityDetailPage />)
  await screen.findByText('防灾减灾科普进社区')
  const text = document.body.textContent
  for (const s of [
    '9月20日 周五 09:30–12:30',
    '赫山区金银山街道社区服务中心（社区服务中心）',
    '赫山区科技志愿者队',
    '王老师',
    '拨打 0737-4221234',
    '防灾减灾',
    '老年人、未成年人',
    '结合全国科普日等重点活动',
    '已为参加的志愿者购买意外保险',
    '剩余 18 个名额（共 30 人）',
  ]) {
    expect(text).toContain(s)
  }
  expect(callMock).toHaveBeenCalledWith('activity.detail', { activityId: 'act-1' })
})

test('opens the map at the point and calls the contact', async () => {
  answer(detail())
  render(<ActivityDetailPage />)
  fireEvent.click(await screen.findByTestId('open-map'))
  expect(location.open).toHaveBeenCalledWith(
    { latitude: 28.55, longitude: 112.36 },
    '防灾减灾科普进社区',
    '赫山区金银山街道社区服务中心',
  )
  fireEvent.click(screen.getByTestId('call'))
  expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '07374221234' })
})

test('no map link without a point, no insurance line when not insured', async () => {
  answer(detail({ location: null, insured: false }))
  render(<ActivityDetailPage />)
  await screen.findByText('防灾减灾科普进社区')
  expect(screen.queryByTestId('open-map')).toBeNull()
  expect(screen.queryByTestId('insured')).toBeNull()
})

test('报名 asks for the subscription first, signs up, shows 报名成功 and offers the code', async () => {
  answer(detail(), { 'activity.signUp': ok(ticket()) }, detail({ mine: ticket(), signedUp: 13 }))
  render(<ActivityDetailPage />)
  await screen.findByTestId('signup-button')
  await tapMain()
  expect(subscribeMock).toHaveBeenCalledWith(['tmpl-signup'])
  expect(sent(callMock, 'activity.signUp')).toEqual([{ activityId: 'act-1' }])
  expect(subscribeMock.mock.invocationCallOrder[0]).toBeLessThan(
    callMock.mock.invocationCallOrder[callMock.mock.calls.findIndex(([a]) => a === 'activity.signUp')],
  )
  expect(screen.getByTestId('signup-result').textContent).toContain('报名成功')
  expect(screen.getByTestId('signup-button').textContent).toBe('已报名（取消报名）')
  fireEvent.click(screen.getByTestId('show-ticket'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/ticket/index?id=tk-1' })
})

test('a full activity puts the caller on the waitlist and says so', async () => {
  const full = detail({ signedUp: 30 })
  const waiting = ticket({ status: 'waitlisted', token: null })
  answer(full, { 'activity.signUp': ok(waiting) }, detail({ signedUp: 30, waiting: 1, mine: waiting }))
  render(<ActivityDetailPage />)
  expect((await screen.findByTestId('signup-button')).textContent).toBe('已满，候补')
  await tapMain()
  expect(screen.getByTestId('signup-result').textContent).toContain('已进入候补')
  expect(screen.queryByTestId('show-ticket')).toBeNull()
})

test('an overlap is confirmed before signing up; declining sends nothing', async () => {
  const overlapping = detail({
    overlaps: [
      { id: 'act-9', title: '农技服务下乡', startAt: '2030-09-20T02:00:00.000Z', endAt: '2030-09-20T05:00:00.000Z' },
    ],
  })
  answer(overlapping, { 'activity.signUp': ok(ticket()) })
  render(<ActivityDetailPage />)
  await screen.findByTestId('signup-button')
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
  await tapMain()
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ content: '与已报名的「农技服务下乡」时间重叠，仍要报名？' }),
  )
  expect(sent(callMock, 'activity.signUp')).toEqual([])
  expect(subscribeMock).not.toHaveBeenCalled()

  await tapMain()
  expect(subscribeMock).toHaveBeenCalledTimes(1)
  expect(sent(callMock, 'activity.signUp')).toEqual([{ activityId: 'act-1' }])
})

test('a refused sign-up shows the server’s message', async () => {
  answer(detail(), { 'activity.signUp': fail('NOT_IN_AUDIENCE', '本活动只接受赫山区科技志愿者队成员报名') })
  render(<ActivityDetailPage />)
  await screen.findByTestId('signup-button')
  await tapMain()
  expect(screen.getByTestId('action-error').textContent).toBe('本活动只接受赫山区科技志愿者队成员报名')
  expect(screen.queryByTestId('signup-result')).toBeNull()
})

test('取消报名 asks first, then cancels the ticket', async () => {
  answer(detail({ mine: ticket() }), { 'activity.cancelSignup': ok(ticket({ status: 'cancelled' })) }, detail())
  render(<ActivityDetailPage />)
  expect((await screen.findByTestId('signup-button')).textContent).toBe('已报名（取消报名）')
  jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
  await tapMain()
  expect(sent(callMock, 'activity.cancelSignup')).toEqual([])
  await tapMain()
  expect(sent(callMock, 'activity.cancelSignup')).toEqual([{ ticketId: 'tk-1' }])
  expect(screen.getByTestId('signup-button').textContent).toBe('报名')
})

test('after the cut-off 无法参加 takes a reason and tells the organizer', async () => {
  const past = ticket({ cancelUntil: '2020-01-01T00:00:00.000Z' })
  answer(
    detail({ mine: past }),
    { 'activity.absent': ok(ticket({ status: 'absent' })) },
    detail({ mine: ticket({ status: 'absent' }) }),
  )
  render(<ActivityDetailPage />)
  expect((await screen.findByTestId('signup-button')).textContent).toBe('无法参加')
  await tapMain()
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '告知组织者' }))
  })
  expect(screen.getByTestId('absent-error').textContent).toBe('原因至少 2 个字')
  fireEvent.change(screen.getByTestId('absent-reason'), { target: { value: '临时生病' } })
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '告知组织者' }))
  })
  expect(sent(callMock, 'activity.absent')).toEqual([{ ticketId: 'tk-1', reason: '临时生病' }])
  expect(screen.getByTestId('signup-state').textContent).toBe('已请假')
})

test('需先激活 leads to 我的', async () => {
  answerCalls(callMock, {
    'volunteer.me': ok(me({ status: 'approved' })),
    'activity.detail': ok(detail()),
    'activity.elders': ok({ elders: [] }),
  })
  render(<ActivityDetailPage />)
  expect((await screen.findByTestId('signup-button')).textContent).toBe('需先激活')
  await tapMain()
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
  expect(sent(callMock, 'activity.signUp')).toEqual([])
})

test('a cancelled activity shows its reason and no button', async () => {
  answer(detail({ status: 'cancelled', cancelReason: '台风预警，活动取消' }))
  render(<ActivityDetailPage />)
  expect((await screen.findByTestId('cancel-reason')).textContent).toContain('台风预警，活动取消')
  expect(screen.getByTestId('signup-state').textContent).toBe('活动已取消')
  expect(screen.queryByTestId('signup-button')).toBeNull()
})

test('shared to a chat, it opens this same detail', async () => {
  answer(detail())
  render(<ActivityDetailPage />)
  await screen.findByTestId('signup-button')
  expect(shareAppMessage()).toEqual({
    title: '防灾减灾科普进社区',
    path: '/packages/volunteer/pages/activity/index?id=act-1',
  })
})

test('a failed load says why and retries', async () => {
  answerCalls(callMock, {
    'volunteer.me': ok(me()),
    'activity.detail': fail('NOT_FOUND', '活动不存在或已删除'),
  })
  render(<ActivityDetailPage />)
  expect((await screen.findByTestId('error')).textContent).toContain('活动不存在或已删除')
})
