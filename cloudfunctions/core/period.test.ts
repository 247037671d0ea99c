import { currentPeriod, deadlineState, periodRange } from './period'
import type { PeriodDoc } from './models'

const period = (id: string, start: string, end: string): PeriodDoc => ({
  _id: id,
  name: id,
  start,
  end,
  deadlines: [],
  targets: [],
})

describe('reporting periods', () => {
  it('spans whole China days', () => {
    const [from, to] = periodRange({ start: '2019-08-01', end: '2019-12-15' })
    expect(from.toISOString()).toBe('2019-07-31T16:00:00.000Z')
    expect(to.toISOString()).toBe('2019-12-15T16:00:00.000Z')
  })

  it('picks the period containing today, then the latest started one', () => {
    const all = [
      period('p2019', '2019-08-01', '2019-12-15'),
      period('p2026', '2026-01-01', '2026-12-31'),
      period('p2027', '2027-01-01', '2027-12-31'),
    ]
    expect(currentPeriod(all, new Date('2026-11-28T03:00:00Z'))?._id).toBe('p2026')
    expect(currentPeriod(all.slice(0, 1), new Date('2026-11-28T03:00:00Z'))?._id).toBe('p2019')
    expect(currentPeriod(all.slice(2), new Date('2026-11-28T03:00:00Z'))).toBeNull()
  })

  it('reads a deadline in China time: 23:30 UTC on the 14th is already the 15th', () => {
    const now = new Date('2026-09-14T23:30:00Z')
    expect(deadlineState('2026-09-14', false, now)).toBe('overdue')
    expect(deadlineState('2026-09-18', false, now)).toBe('due_soon')
    expect(deadlineState('2026-12-15', false, now)).toBe('upcoming')
    expect(deadlineState('2026-09-14', true, now)).toBe('done')
  })
})
