import { ticket } from '../../../test/support/activity-fixtures'
import { toTicketRow } from './tickets'

const now = new Date('2030-09-01T00:00:00.000Z')

test('a confirmed ticket shows 报名成功 and opens the code', () => {
  expect(toTicketRow(ticket(), now)).toMatchObject({
    title: '防灾减灾科普进社区',
    time: '9月20日 周五 09:30–12:30',
    place: '赫山区金银山街道社区服务中心（社区服务中心）',
    statusLabel: '报名成功',
    notes: [],
    opensCode: true,
  })
})

test.each([
  ['waitlisted', '候补中'],
  ['cancelled', '已取消报名'],
  ['absent', '已请假'],
] as const)('a %s ticket says %s and opens the activity', (status, label) => {
  const row = toTicketRow(ticket({ status, token: null }), now)
  expect([row.statusLabel, row.opensCode]).toEqual([label, false])
})

test('a cancelled activity says so with its reason, whatever the ticket', () => {
  const row = toTicketRow(ticket({ changed: true }, { status: 'cancelled', cancelReason: '台风预警' }), now)
  expect([row.statusLabel, row.notes, row.opensCode]).toEqual(['活动已取消', ['活动已取消：台风预警'], false])
})

test('notes a change of time or place and a move from the waitlist', () => {
  expect(toTicketRow(ticket({ changed: true, promotedAt: '2030-09-02T00:00:00.000Z' }), now).notes).toEqual([
    '时间地点有变更',
    '候补转正',
  ])
})

test.each([
  [{ checkedIn: true, checkedOut: true, hours: 2.5 }, '已签退 · 2.5 小时'],
  [{ checkedIn: true, checkedOut: false, hours: 0 }, '已签到'],
  [{ checkedIn: false, checkedOut: false, hours: 0 }, '未签到'],
  [null, null],
])('marks attendance after the start: %j → %s', (attendance, label) => {
  expect(toTicketRow(ticket({ token: null, attendance }), now).attendance).toBe(label)
})

test('a ticket kept by an older version (no attendance) shows no mark', () => {
  const old = { ...ticket(), attendance: undefined } as unknown as Parameters<typeof toTicketRow>[0]
  expect(toTicketRow(old, now).attendance).toBeNull()
})
