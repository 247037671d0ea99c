import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { fail, ok, period } from '../../../../../test/support/admin-fixtures'
import { answerCalls, sent } from '../../../../../test/support/answer-calls'
import { call } from '../../../../services/client'
import { newDeadlineKey } from './period-draft'
import PeriodsPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  Picker: jest.requireActual('../../../../../test/support/picker-mock').Picker,
}))
const callMock = call as jest.MockedFunction<typeof call>

/** Types into a field, or picks a day on a date picker (its input inside the test id). */
const type = (testId: string, value: string) => {
  const el = screen.getByTestId(testId)
  fireEvent.change(el.matches('input,textarea') ? el : el.querySelector('input')!, { target: { value } })
}
const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el)
  })
}
const button = (name: string) => screen.getByRole('button', { name })

beforeEach(() => callMock.mockReset())

async function openList(periods = [period()]) {
  answerCalls(callMock, { 'admin.periods': ok(periods), 'admin.savePeriod': (d) => ok({ ...d, id: d.id ?? 'p-new' }) })
  render(<PeriodsPage />)
  await screen.findByText('新建报送周期')
}

async function fillNew() {
  await click(button('新建报送周期'))
  type('period-name-input', '2025年度科技志愿服务')
  type('period-start-input', '2025-01-01')
  type('period-end-input', '2025-12-31')
  await click(button('添加截止事项'))
  type('deadline-label-0', '报送《活动情况统计表》（附件3）')
  type('deadline-due-0', '2025-12-15')
  await click(within(screen.getByTestId('deadline-row-0')).getByText('区县（市）科技志愿者队'))
  await click(button('添加人数目标'))
  await click(screen.getByTestId('target-kind-0-county'))
  type('target-founding-0', '100')
  type('target-goal-0', '500')
  type('target-date-0', '2025-12-31')
}

test('lists the periods with their deadlines and targets', async () => {
  await openList()
  const card = screen.getByTestId('period-period-2024')
  expect(card.textContent).toContain('2024年度科技志愿服务')
  expect(card.textContent).toContain('2024年1月1日 – 2024年12月31日')
  expect(card.textContent).toContain('2024年9月14日 学会、区县（市）队伍组建完成')
  expect(card.textContent).toContain('区县（市）科技志愿者队：首批 100 人，2024-12-31 前 500 人')
})

test('says so when no period is set yet', async () => {
  await openList([])
  expect(screen.getByTestId('empty').textContent).toContain('尚未设置报送周期')
})

test('refuses an end before the start with the schema’s message, sending nothing', async () => {
  await openList()
  await fillNew()
  type('period-end-input', '2024-12-31')
  await click(button('保存'))
  expect(screen.getByTestId('period-end-error').textContent).toBe('结束日期不能早于开始日期')
  expect(screen.getByTestId('form-error').textContent).toBe('结束日期不能早于开始日期')
  expect(sent(callMock, 'admin.savePeriod')).toEqual([])
})

test('dates are picked and shown as 2025年12月15日, never typed', async () => {
  await openList()
  await fillNew()
  expect(screen.getByTestId('deadline-due-0').textContent).toContain('2025年12月15日')
  expect(screen.getByTestId('period-start-input').textContent).toContain('2025年1月1日')
})

test('names the row of an invalid deadline or target', async () => {
  await openList()
  await fillNew()
  type('target-goal-0', '')
  await click(button('保存'))
  expect(screen.getByTestId('form-error').textContent).toBe('目标第 1 项：请填写人数')
  expect(sent(callMock, 'admin.savePeriod')).toEqual([])
})

test('saves a new period: deadlines and targets as data', async () => {
  await openList()
  await fillNew()
  await click(button('保存'))
  expect(sent(callMock, 'admin.savePeriod')).toEqual([
    {
      name: '2025年度科技志愿服务',
      start: '2025-01-01',
      end: '2025-12-31',
      deadlines: [{ key: 'custom_a', label: '报送《活动情况统计表》（附件3）', due: '2025-12-15', kinds: ['county'] }],
      targets: [{ kind: 'county', founding: 100, goal: 500, goalDate: '2025-12-31' }],
    },
  ])
  // Back to the list, reloaded.
  expect(await screen.findByText('新建报送周期')).toBeTruthy()
  expect(sent(callMock, 'admin.periods')).toHaveLength(2)
})

test('删除此项 removes that row only, from deadlines and from targets', async () => {
  await openList()
  await fillNew()
  await click(button('添加截止事项'))
  type('deadline-label-1', '报送《基本情况表》（附件2）')
  type('deadline-due-1', '2025-11-30')
  await click(within(screen.getByTestId('deadline-row-0')).getByText('删除此项'))
  await click(within(screen.getByTestId('target-row-0')).getByText('删除此项'))
  expect(screen.queryByTestId('target-row-0')).toBeNull()
  expect(screen.getByText('尚未添加人数目标。')).toBeTruthy()
  await click(button('保存'))
  expect(sent(callMock, 'admin.savePeriod')).toEqual([
    expect.objectContaining({
      deadlines: [{ key: 'custom_b', label: '报送《基本情况表》（附件2）', due: '2025-11-30', kinds: [] }],
      targets: [],
    }),
  ])
})

test('edits a period under its id; a copy keeps the deadline keys but not the id', async () => {
  await openList()
  await click(within(screen.getByTestId('period-period-2024')).getByText('编辑'))
  type('period-name-input', '2024年度科技志愿服务（修订）')
  await click(button('保存'))
  expect(sent(callMock, 'admin.savePeriod')[0]).toMatchObject({
    id: 'period-2024',
    name: '2024年度科技志愿服务（修订）',
  })

  await screen.findByText('新建报送周期')
  await click(within(screen.getByTestId('period-period-2024')).getByText('以此为模板新建'))
  type('period-name-input', '2025年度科技志愿服务')
  type('period-start-input', '2025-01-01')
  type('period-end-input', '2025-12-31')
  await click(button('保存'))
  const copy = sent(callMock, 'admin.savePeriod')[1] as Record<string, unknown>
  expect(copy.id).toBeUndefined()
  expect(copy.deadlines).toEqual([
    { key: 'teams_formed', label: '学会、区县（市）队伍组建完成', due: '2024-09-14', kinds: ['society', 'county'] },
  ])
})

test('shows the server’s refusal', async () => {
  answerCalls(callMock, {
    'admin.periods': ok([period()]),
    'admin.savePeriod': fail('FORBIDDEN', '只有市支队管理员可以设置报送周期'),
  })
  render(<PeriodsPage />)
  await click(await screen.findByText('编辑'))
  await click(button('保存'))
  expect(screen.getByTestId('form-error').textContent).toBe('只有市支队管理员可以设置报送周期')
})

test('new deadline keys fit the schema and never repeat', () => {
  expect(newDeadlineKey([])).toBe('custom_a')
  expect(newDeadlineKey(['custom_a', 'custom_b'])).toBe('custom_c')
  const taken = Array.from({ length: 26 }, (_, i) => `custom_${String.fromCharCode(97 + i)}`)
  expect(newDeadlineKey(taken)).toBe('custom_aa')
})
