import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as taro from '@tarojs/taro'
import type { ReviewDetail } from '../../../../../types/api'
import { call } from '../../../../services/client'
import ReviewDetailPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

function detail(over: Partial<ReviewDetail> = {}): ReviewDetail {
  return {
    volunteerId: 'v-1',
    name: '李明',
    gender: 'male',
    employer: '赫山区第一中学',
    position: '物理教师',
    team: { id: 'team-heshan', name: '赫山区科技志愿者队', kind: 'county' },
    submittedAt: '2024-09-01T06:05:00.000Z',
    resubmitted: true,
    revision: 3,
    status: 'pending',
    profile: {
      name: '李明',
      gender: 'male',
      idNumberMasked: '430***********031X',
      birthYear: 1985,
      employer: '赫山区第一中学',
      position: '物理教师',
      mobileMasked: '138****1001',
      skills: ['lecture', 'youth'],
      skillsOther: '天文观测',
      specialty: '中学物理',
      availability: { slots: ['weekend'], note: '每月第一个周六' },
      source: 'teacher',
    },
    history: [
      { action: 'submitted', reason: null, at: '2024-08-30T02:00:00.000Z' },
      { action: 'rejected', reason: '单位名称不完整', at: '2024-08-31T02:00:00.000Z' },
      { action: 'submitted', reason: null, at: '2024-09-01T06:05:00.000Z' },
    ],
    ...over,
  }
}

type Answers = Record<string, unknown>
function serve(answers: Answers) {
  callMock.mockImplementation(async (action: string) => {
    if (!(action in answers)) throw new Error(`no answer for ${action}`)
    return answers[action] as never
  })
}
const ok = (data: unknown) => ({ ok: true, data })

async function open(d: ReviewDetail = detail(), extra: Answers = {}) {
  serve({ 'admin.reviewDetail': ok(d), ...extra })
  render(<ReviewDetailPage />)
  await screen.findByTestId('status')
}

async function tap(testId: string) {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId))
  })
}

beforeEach(() => {
  callMock.mockReset()
  jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { volunteerId: 'v-1' }, path: '' } as never)
  jest.mocked(Taro.showModal).mockClear()
  jest.mocked(Taro.showModal).mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
})
afterEach(() => jest.restoreAllMocks())

test('shows every field with its label, the numbers masked, and the review history', async () => {
  await open()
  expect(callMock).toHaveBeenCalledWith('admin.reviewDetail', { volunteerId: 'v-1' })
  const text = document.body.textContent!
  expect(screen.getByTestId('status').textContent).toBe('待审核')
  expect(text).toContain('重新提交')
  expect(screen.getByTestId('pii-idNumber').textContent).toBe('430***********031X')
  expect(screen.getByTestId('pii-mobile').textContent).toBe('138****1001')
  for (const s of ['出生年份', '1985 年', '单位', '职务/职称', '物理教师', '科普报告、青少年科技教育；天文观测']) {
    expect(text).toContain(s)
  }
  expect(text).toContain('周末；每月第一个周六')
  expect(text).toContain('在职教师')
  expect(text).toContain('赫山区科技志愿者队')
  expect(text).toContain('每次查看都会记录在审计日志中')
  const history = screen.getByTestId('history').textContent
  expect(history).toContain('审核未通过')
  expect(history).toContain('原因：单位名称不完整')
})

test('显示完整 reveals the full number of that field only', async () => {
  await open(detail(), { 'admin.reveal': ok({ value: '430902198503120311' }) })
  await tap('reveal-idNumber')
  expect(callMock).toHaveBeenCalledWith('admin.reveal', { volunteerId: 'v-1', field: 'idNumber' })
  expect(screen.getByTestId('pii-idNumber').textContent).toBe('430902198503120311')
  expect(screen.queryByTestId('reveal-idNumber')).toBeNull()
  expect(screen.getByTestId('pii-mobile').textContent).toBe('138****1001')
})

test('a refused reveal says why', async () => {
  await open(detail(), { 'admin.reveal': { ok: false, code: 'NOT_IN_SCOPE', message: '该团队不在您的管理范围内' } })
  await tap('reveal-mobile')
  expect(screen.getByTestId('action-error').textContent).toBe('该团队不在您的管理范围内')
})

test('不通过 requires a reason, validated with the schema, before anything is sent', async () => {
  await open(detail(), { 'admin.reject': ok({ volunteerId: 'v-1' }) })
  await tap('start-reject')
  await tap('confirm-reject')
  expect(screen.getByTestId('reason-error').textContent).toBe('请填写不通过的原因')
  expect(callMock).not.toHaveBeenCalledWith('admin.reject', expect.anything())

  fireEvent.change(screen.getByTestId('reason'), { target: { value: '  单位名称不完整，请填写全称 ' } })
  expect(screen.queryByTestId('reason-error')).toBeNull()
  serve({ 'admin.reject': ok({ volunteerId: 'v-1' }), 'admin.reviewDetail': ok(detail({ status: 'rejected' })) })
  await tap('confirm-reject')
  expect(callMock).toHaveBeenCalledWith('admin.reject', {
    volunteerId: 'v-1',
    revision: 3,
    reason: '单位名称不完整，请填写全称',
  })
  expect(screen.getByTestId('done').textContent).toContain('已退回')
  expect(screen.getByTestId('status').textContent).toBe('未通过')
  expect(screen.queryByTestId('approve')).toBeNull()
})

test('通过 confirms, approves this one registration and shows it awaiting activation', async () => {
  await open(detail(), { 'admin.approve': ok({ done: ['v-1'], failed: [] }) })
  serve({
    'admin.approve': ok({ done: ['v-1'], failed: [] }),
    'admin.reviewDetail': ok(detail({ status: 'approved' })),
  })
  await tap('approve')
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ content: expect.stringContaining('6 位激活码') }),
  )
  expect(callMock).toHaveBeenCalledWith('admin.approve', { items: [{ volunteerId: 'v-1', revision: 3 }] })
  expect(screen.getByTestId('done').textContent).toContain('已通过')
  expect(screen.getByTestId('status').textContent).toBe('待激活')
  expect(screen.getByTestId('reissue')).toBeTruthy()
})

test('CONFLICT tells the admin someone else handled it and shows the fresh state', async () => {
  const message = '该注册已被其他管理员处理，请刷新列表'
  await open()
  serve({
    'admin.approve': { ok: false, code: 'CONFLICT', message },
    'admin.reviewDetail': ok(detail({ status: 'approved' })),
  })
  await tap('approve')
  const modals = jest.mocked(Taro.showModal).mock.calls.map(([o]) => o)
  expect(modals[1]).toMatchObject({ title: '已被其他管理员处理', content: expect.stringContaining(message) })
  expect(callMock).toHaveBeenLastCalledWith('admin.reviewDetail', { volunteerId: 'v-1' })
  expect(screen.getByTestId('status').textContent).toBe('待激活')
})

test('a volunteer awaiting activation can get a new code', async () => {
  await open(detail({ status: 'approved' }), { 'admin.reissueCode': ok({ volunteerId: 'v-1', code: null, days: 7 }) })
  expect(screen.queryByTestId('approve')).toBeNull()
  await tap('reissue')
  expect(Taro.showModal).toHaveBeenCalledWith(
    expect.objectContaining({ content: expect.stringContaining('原激活码立即失效') }),
  )
  expect(callMock).toHaveBeenCalledWith('admin.reissueCode', { volunteerId: 'v-1' })
  expect(screen.getByTestId('done').textContent).toContain('已重新发放')
})

test('an activated volunteer needs no decision', async () => {
  await open(detail({ status: 'active' }))
  expect(screen.queryByTestId('approve')).toBeNull()
  expect(screen.queryByTestId('reissue')).toBeNull()
  expect(document.body.textContent).toContain('无需审核')
})

test('a failed load shows the message and retries', async () => {
  serve({ 'admin.reviewDetail': { ok: false, code: 'NOT_FOUND', message: '该注册不存在' } })
  render(<ReviewDetailPage />)
  expect((await screen.findByTestId('error')).textContent).toContain('该注册不存在')
})

test('a new code for an unclaimed 集体注册 record is shown to the administrator to hand over', async () => {
  await open(detail({ status: 'approved' }), {
    'admin.reissueCode': ok({ volunteerId: 'v-1', code: '135790', days: 7 }),
  })
  await tap('reissue')
  expect(screen.getByTestId('done').textContent).toContain('新激活码 135790（7天内有效）')
})

describe('作废', () => {
  const type = (value: string) => fireEvent.change(screen.getByTestId('void-reason'), { target: { value } })

  test('needs a reason, asks to confirm, then voids and shows the new state', async () => {
    const voided = detail({
      status: 'left',
      history: [...detail().history, { action: 'voided', reason: '冒用他人身份证号', at: '2024-09-02T02:00:00.000Z' }],
    })
    const voidCall = ok({ volunteerId: 'v-1' })
    await open(detail({ status: 'active' }), { 'admin.voidRegistration': voidCall })
    await tap('start-void')
    await tap('confirm-void')
    expect(screen.getByTestId('void-reason-error').textContent).toMatch(/[\u4e00-\u9fff]/)
    expect(callMock).not.toHaveBeenCalledWith('admin.voidRegistration', expect.anything())
    type('冒用他人身份证号')
    serve({ 'admin.reviewDetail': ok(voided), 'admin.voidRegistration': voidCall })
    await tap('confirm-void')
    expect(jest.mocked(Taro.showModal).mock.calls[0][0]).toMatchObject({ title: '作废注册', confirmText: '作废' })
    expect(callMock).toHaveBeenCalledWith('admin.voidRegistration', { volunteerId: 'v-1', reason: '冒用他人身份证号' })
    expect((await screen.findByTestId('done')).textContent).toBe('已作废，身份证号已释放。')
    expect(screen.getByTestId('status').textContent).toBe('已退出')
    // Once voided it is not offered again.
    expect(screen.queryByTestId('start-void')).toBeNull()
  })

  test('cancelling the confirmation sends nothing and keeps the reason', async () => {
    await open(detail({ status: 'approved' }), { 'admin.voidRegistration': ok({ volunteerId: 'v-1' }) })
    await tap('start-void')
    type('冒用他人身份证号')
    jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true } as never)
    await tap('confirm-void')
    expect(callMock).not.toHaveBeenCalledWith('admin.voidRegistration', expect.anything())
    expect((screen.getByTestId('void-reason') as HTMLTextAreaElement).value).toBe('冒用他人身份证号')
  })

  test('a refusal shows the server message', async () => {
    await open(detail({ status: 'active' }), {
      'admin.voidRegistration': { ok: false, code: 'NOT_IN_SCOPE', message: '该志愿者不在您管理的队伍范围内' },
    })
    await tap('start-void')
    type('冒用他人身份证号')
    await tap('confirm-void')
    expect(screen.getByTestId('action-error').textContent).toBe('该志愿者不在您管理的队伍范围内')
  })
})
