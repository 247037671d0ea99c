import { attendance, attendee } from '../../../../test/support/checkin-fixtures'
import { matchesQuery, toAttendanceView, toAttendeeLine } from './attendance-view'

const NOW = new Date('2030-09-20T05:00:00.000Z')

test('groups people into checked in, not yet, and checked out, with times, methods and hours', () => {
  const v = toAttendanceView(
    attendance({
      rows: [
        attendee({ checkedInAt: '2030-09-20T01:25:00.000Z', checkedInMethod: 'offline', hours: 2.5 }),
        attendee({ ticketId: 'tk-2', nameMasked: '王**' }),
        attendee({
          ticketId: 'tk-3',
          checkedInAt: '2030-09-20T01:30:00.000Z',
          checkedInMethod: 'manual',
          checkedOutAt: '2030-09-20T04:30:00.000Z',
          checkedOutMethod: 'auto',
          hours: 3,
          makeupHours: 1,
        }),
        attendee({ ticketId: 'tk-4', status: 'cancelled' }),
      ],
    }),
    NOW,
  )
  expect(v.groups.in.map((l) => [l.times, l.hours])).toEqual([['签到 09:25（离线扫码）', '2.5 小时']])
  expect(v.groups.absent.map((l) => l.name)).toEqual(['王**'])
  expect(v.groups.out[0].times).toBe('签到 09:30（手动） · 签退 12:30（活动结束自动签退）')
  expect(v.groups.out[0].hours).toBe('3 小时 · 补录 1 小时')
  expect(v.peopleServed).toBe('未填写')
})

test('finds people by the last four digits or by a name against the masked name', () => {
  const r = attendee({ nameMasked: '刘*', phoneLast4: '5678' })
  expect(matchesQuery(r, '5678')).toBe(true)
  expect(matchesQuery(r, '1234')).toBe(false)
  expect(matchesQuery(r, '刘明')).toBe(true)
  expect(matchesQuery(r, '刘')).toBe(true)
  expect(matchesQuery(r, '王明')).toBe(false)
  expect(matchesQuery(attendee({ nameMasked: '欧阳**' }), '欧阳明华')).toBe(true)
  expect(matchesQuery(attendee({ nameMasked: '欧阳**' }), '欧明')).toBe(false)
  expect(matchesQuery(r, ' ')).toBe(false)
})

test('a row never checked in shows no hours', () => {
  expect(toAttendeeLine(attendee(), NOW)).toMatchObject({ times: '未签到', hours: '', canCheckIn: true })
})
