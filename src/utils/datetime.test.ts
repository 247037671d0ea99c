import { formatDateTime, formatTimeRange } from './datetime'

const now = new Date('2024-06-01T00:00:00Z')

test('shows a same-day activity as date, weekday and hours in China time', () => {
  // 01:30Z is 09:30 in Yiyang; 2024-09-20 is a Friday.
  expect(formatTimeRange('2024-09-20T01:30:00.000Z', '2024-09-20T04:30:00.000Z', now)).toBe('9月20日 周五 09:30–12:30')
})

test('uses the China date even when UTC is still on the previous day', () => {
  expect(formatTimeRange('2024-09-19T23:00:00.000Z', '2024-09-20T01:00:00.000Z', now)).toBe('9月20日 周五 07:00–09:00')
})

test('shows both dates for an activity across days', () => {
  expect(formatTimeRange('2024-09-20T01:30:00.000Z', '2024-09-21T04:00:00.000Z', now)).toBe(
    '9月20日 09:30 – 9月21日 12:00',
  )
})

test('names the year only when it is not this year', () => {
  expect(formatTimeRange('2025-01-03T01:30:00.000Z', '2025-01-03T02:30:00.000Z', now)).toBe(
    '2025年1月3日 周五 09:30–10:30',
  )
})

test('formats a timestamp with year and minutes', () => {
  expect(formatDateTime('2024-09-01T06:05:00.000Z')).toBe('2024年9月1日 14:05')
})
