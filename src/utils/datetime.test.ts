import { formatDate, formatDateTime, formatTimeRange } from './datetime'

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

test('writes a day as 2026年12月1日: calendar days as they are, instants as their China day', () => {
  expect(formatDate('2026-12-01')).toBe('2026年12月1日')
  expect(formatDate('1962-05-18')).toBe('1962年5月18日')
  // 16:30Z on 30 November is already 1 December in Yiyang.
  expect(formatDate('2026-11-30T16:30:00.000Z')).toBe('2026年12月1日')
  expect(formatDate('not a date')).toBe('not a date')
})
