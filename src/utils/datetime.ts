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

/** `2024年9月1日 14:05` */
export function formatDateTime(iso: string): string {
  return inChina(iso).format('YYYY年M月D日 HH:mm')
}
