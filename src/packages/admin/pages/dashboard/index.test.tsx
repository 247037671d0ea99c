import { act, fireEvent, render, screen } from '@testing-library/react'
import * as taro from '@tarojs/taro'
import { ok } from '../../../../../test/support/admin-fixtures'
import { answerCalls, sent, type Answers } from '../../../../../test/support/answer-calls'
import { dashboard, PERIOD_ID, reportPeriod } from '../../../../../test/support/report-fixtures'
import { call } from '../../../../services/client'
import DashboardPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  Picker: jest.requireActual('../../../../../test/support/picker-mock').Picker,
}))
const callMock = call as jest.MockedFunction<typeof call>

beforeEach(() => {
  callMock.mockReset()
  jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: 'team-heshan' }, path: '' } as never)
})
afterEach(() => jest.restoreAllMocks())

async function open(over: Answers = {}) {
  answerCalls(callMock, { 'admin.periods': ok([reportPeriod()]), 'report.dashboard': ok(dashboard()), ...over })
  render(<DashboardPage />)
}
const text = (id: string) => screen.getByTestId(id).textContent
const width = (id: string) => (screen.getByTestId(id).querySelector('.dash__fill') as HTMLElement).style.width

test('draws activities by type and by month as bars as wide as the data, each with its number', async () => {
  await open()
  await screen.findByTestId('by-type')
  expect(sent(callMock, 'report.dashboard')).toEqual([{ teamId: 'team-heshan', periodId: PERIOD_ID }])
  expect(text('total')).toBe('本周期共开展活动 8 次')
  // The longest bar is the largest figure; the others in proportion; a 0 draws no fill.
  expect([text('by-type-lecture'), width('by-type-lecture')]).toEqual(['科普报告4 次', '100%'])
  expect([text('by-type-training'), width('by-type-training')]).toEqual(['科技培训2 次', '50%'])
  expect([text('by-type-youth'), width('by-type-youth')]).toEqual(['青少年科技教育0 次', '0%'])
  expect(screen.getByTestId('by-month').textContent).toBe('2024年1月2 次2024年2月0 次2024年3月6 次')
  expect(width('by-month-2024-01')).toBe('33%')
})

test('says which focus is not yet covered, in words, and the members against the period’s target', async () => {
  await open()
  await screen.findByTestId('focus-card')
  expect(text('focus-key_group')).toBe('结合农村妇女、青少年等重点人群尚未开展')
  expect(text('focus-public_concern')).toBe('结合卫生健康等群众关切5 次')
  expect(text('members-card')).toContain('现有 126 人 · 首批目标 100 人 · 2024-12-31 前 500 人')
  expect(text('target-founding')).toBe('首批目标 100 人126 / 100 人（100%）')
  expect([text('target-goal'), width('target-goal')]).toEqual(['2024-12-31 前 500 人126 / 500 人（25%）', '25%'])
  expect(text('deadline-roster')).toContain('已完成')
  expect(text('deadline-statistics')).toContain('已逾期')
})

test('a period without activities says so instead of drawing empty charts; no target, no target bars', async () => {
  await open({
    'report.dashboard': ok(
      dashboard({
        total: 0,
        months: [],
        byType: { lecture: 0, training: 0, consulting: 0, agriculture: 0, medical: 0, youth: 0, other: 0 },
        byFocus: { key_event: 0, public_concern: 0, key_group: 0 },
        target: null,
        deadlines: [],
      }),
    ),
  })
  await screen.findByTestId('focus-card')
  expect(screen.queryByTestId('by-type')).toBeNull()
  expect(screen.getAllByText(/本周期还没有开展活动/)).toHaveLength(2)
  expect(screen.queryByTestId('target')).toBeNull()
  expect(text('deadlines')).toBe('本周期没有本类队伍需要完成的截止事项。')
})

test('a failure shows the message and 重试 loads again', async () => {
  let fail = true
  await open({
    'report.dashboard': () =>
      fail ? { ok: false, code: 'NOT_IN_SCOPE', message: '该队伍不在您的管理范围内' } : ok(dashboard()),
  })
  await screen.findByText('该队伍不在您的管理范围内')
  fail = false
  await act(async () => {
    fireEvent.click(screen.getByText('重试'))
  })
  await screen.findByTestId('by-type')
})

test('without reporting periods the screen says how to get one', async () => {
  await open({ 'admin.periods': ok([]) })
  await screen.findByText('尚未设置报送周期')
  expect(sent(callMock, 'report.dashboard')).toEqual([])
})

test('picking another period shows that period, its figures asked for afresh', async () => {
  const later = reportPeriod({
    id: 'period-2025',
    name: '2025年度科技志愿服务',
    start: '2025-01-01',
    end: '2025-12-31',
  })
  await open({ 'admin.periods': ok([reportPeriod(), later]) })
  await screen.findByTestId('by-type')
  expect(text('period')).toBe('报送周期：2025年度科技志愿服务更换 ›')
  const select = screen.getByTestId('period').parentElement!.querySelector('select')!
  await act(async () => {
    fireEvent.change(select, { target: { value: '0' } })
  })
  expect(text('period')).toBe('报送周期：2024年度科技志愿服务更换 ›')
  expect(sent(callMock, 'report.dashboard')).toEqual([
    { teamId: 'team-heshan', periodId: 'period-2025' },
    { teamId: 'team-heshan', periodId: PERIOD_ID },
  ])
})
