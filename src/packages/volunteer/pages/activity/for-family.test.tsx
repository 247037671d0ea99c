import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as taro from '@tarojs/taro'
import type { ElderView } from '../../../../../types/api'
import { detail, elder, fail, me, ok, ticket } from '../../../../../test/support/activity-fixtures'
import { answerCalls, sent } from '../../../../../test/support/answer-calls'
import { call } from '../../../../services/client'
import ActivityDetailPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
jest.mock('../../../../services/subscribe', () => ({ requestSubscribe: jest.fn(() => Promise.resolve('refused')) }))
const callMock = call as jest.MockedFunction<typeof call>

beforeEach(() => {
  callMock.mockReset()
  jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: 'act-1' }, path: '' } as never)
  jest.mocked(Taro.showToast).mockClear()
  jest.mocked(Taro.navigateTo).mockClear()
})
afterEach(() => jest.restoreAllMocks())

function answer(elders: ElderView[], extra: Parameters<typeof answerCalls>[1] = {}) {
  answerCalls(callMock, {
    'volunteer.me': ok(me({ status: 'unregistered', profile: null, team: null, submittedAt: null, serviceHours: 0 })),
    'activity.detail': ok(detail()),
    'activity.elders': ok({ elders }),
    ...extra,
  })
}

const tap = (id: string) =>
  act(async () => {
    fireEvent.click(screen.getByTestId(id))
  })

test('offers 为家人报名 only to someone who registered a family member', async () => {
  answer([])
  render(<ActivityDetailPage />)
  await screen.findByTestId('signup-button')
  expect(screen.queryByTestId('for-family')).toBeNull()
})

test('signs an activated family member up after the consent for this activity is confirmed', async () => {
  let signed = false
  answer([elder()], {
    'activity.signUpFor': () => {
      signed = true
      return ok(ticket({ nameMasked: '王**' }))
    },
    'activity.elders': () => ok({ elders: [elder({ tickets: signed ? [ticket({ nameMasked: '王**' })] : [] })] }),
  })
  render(<ActivityDetailPage />)
  await screen.findByTestId('for-family')
  await tap('family-choose-vol-e1')
  expect(screen.getByTestId('family-consent').textContent).toContain(
    '我已向王**本人说明本次活动「防灾减灾科普进社区」的时间、地点和内容，王**本人同意由我代为报名。',
  )
  // Without the consent nothing is sent, and the screen says what is missing.
  await tap('family-submit')
  expect(screen.getByTestId('family-error-text').textContent).toBe('请先确认家人本人已同意报名')
  expect(sent(callMock, 'activity.signUpFor')).toEqual([])

  await tap('family-consent-toggle')
  await tap('family-submit')
  expect(sent(callMock, 'activity.signUpFor')).toEqual([{ activityId: 'act-1', volunteerId: 'vol-e1', consent: true }])
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '报名成功' }))
  expect((await screen.findByTestId('family-vol-e1')).textContent).toContain('已为其报名（报名成功）')
  await tap('family-code-vol-e1')
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/ticket/index?id=tk-1&elder=1' })
})

test('a family member not yet activated cannot be chosen, and says why', async () => {
  answer([elder({ status: 'approved' })])
  render(<ActivityDetailPage />)
  const row = await screen.findByTestId('family-vol-e1')
  expect(row.textContent).toContain('待激活：本人认领并激活后才能报名')
  expect(screen.queryByTestId('family-choose-vol-e1')).toBeNull()
})

test('shows the refusal in the server’s words', async () => {
  answer([elder()], {
    'activity.signUpFor': fail('NOT_IN_AUDIENCE', '本活动仅限「赫山区科技志愿者队」及其下级队伍的成员报名'),
  })
  render(<ActivityDetailPage />)
  await screen.findByTestId('for-family')
  await tap('family-choose-vol-e1')
  await tap('family-consent-toggle')
  await tap('family-submit')
  expect(screen.getByTestId('family-error-text').textContent).toBe(
    '本活动仅限「赫山区科技志愿者队」及其下级队伍的成员报名',
  )
})

test('is not offered once sign-up has closed', async () => {
  answer([elder()], { 'activity.detail': ok(detail({ status: 'finished' })) })
  render(<ActivityDetailPage />)
  await screen.findByTestId('signup-state')
  expect(screen.queryByTestId('for-family')).toBeNull()
})
