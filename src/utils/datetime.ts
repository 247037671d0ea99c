/**
 * The one home of how the UI writes dates and times: 2026年12月1日 everywhere (issue 12), never
 * 2026-12-01. `src/date-style.test.ts` fails on a screen that formats a date any other way.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

// Activities take place in Yiyang: show the venue's clock (UTC+8) whatever zone the phone is set to.
const CHINA_OFFSET_MINUTES = 8 * 60
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

function inChina(iso: string) {
  return dayjs(iso).utcOffset(CHINA_OFFSET_MINUTES)
}

/** `9月20日 周五 09:30–12:30`, or `9月20日 09:30 – 9月21日 12:00` across days; the year only when not this year. */
export function formatTimeRange(startIso: string, endIso: string, now: Date = new Date()): string {
  const start = inChina(startIso)
  const end = inChina(endIso)
  const thisYear = inChina(now.toISOString()).year()
  const day = (d: dayjs.Dayjs) => (d.year() === thisYear ? d.format('M月D日') : d.format('YYYY年M月D日'))
  if (start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD')) {
    return `${day(start)} ${WEEKDAYS[start.day()]} ${start.format('HH:mm')}–${end.format('HH:mm')}`
  }
  return `${day(start)} ${start.format('HH:mm')} – ${day(end)} ${end.format('HH:mm')}`
}

const DAY_FORMAT = 'YYYY年M月D日'
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * `2024年9月14日`. A calendar day of the contract (`2024-09-14`, already China time) is written as it
 * is; an instant (ISO timestamp) as its day in China time.
 */
export function formatDate(value: string): string {
  if (CALENDAR_DAY.test(value)) {
    const d = dayjs(value)
    return d.isValid() ? d.format(DAY_FORMAT) : value
  }
  const d = inChina(value)
  return d.isValid() ? d.format(DAY_FORMAT) : value
}

/** `9月14日`, where the year goes without saying (a filter of this year's days). */
export function formatMonthDay(value: string): string {
  const d = CALENDAR_DAY.test(value) ? dayjs(value) : inChina(value)
  return d.isValid() ? d.format('M月D日') : value
}

/** `2026年9月`, for a calendar month of the contract (`2026-09`). */
export function formatMonth(month: string): string {
  const d = dayjs(`${month}-01`)
  return /^\d{4}-\d{2}$/.test(month) && d.isValid() ? d.format('YYYY年M月') : month
}

/** `2024年9月1日 14:05` */
export function formatDateTime(iso: string): string {
  return inChina(iso).format(`${DAY_FORMAT} HH:mm`)
}
