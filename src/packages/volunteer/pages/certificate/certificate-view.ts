/**
 * 服务记录证明 as it is laid out on the page and on the saved image: one pure mapping, so both say
 * the same thing. Scanned hours (签到签退) and 补录 hours stay apart on every line and in the total.
 */
import type { Certificate } from '../../../../../types/api'
import { Gender } from '../../../../../types/enums'
import { formatDate } from '../../../../utils/datetime'

export interface CertificateLine {
  key: string
  date: string
  /** 服务内容: the activity and its organizing team. */
  content: string
  /** 服务时间, e.g. "3 小时（签到）", "2.5 小时（补录）", "4 小时（签到 3 + 补录 1）". */
  hours: string
  makeup: boolean
}

export interface CertificateView {
  title: string
  body: string
  lines: CertificateLine[]
  total: string
  issuer: string
  issuedOn: string
  serial: string
  code: string
  rule: string
}

/** Hours as the notice would write them: no trailing zeros (3, 2.5, 1.25). */
export const hoursText = (n: number) => `${Number(n.toFixed(2))} 小时`

function lineHours(scanned: number, makeup: number): string {
  if (makeup === 0) return `${hoursText(scanned)}（签到）`
  if (scanned === 0) return `${hoursText(makeup)}（补录）`
  return `${hoursText(scanned + makeup)}（签到 ${Number(scanned.toFixed(2))} + 补录 ${Number(makeup.toFixed(2))}）`
}

export function toCertificateView(c: Certificate): CertificateView {
  const total =
    c.totalMakeupHours > 0
      ? `${hoursText(c.totalHours)}（其中签到记录 ${hoursText(c.totalScannedHours)}，补录 ${hoursText(c.totalMakeupHours)}）`
      : hoursText(c.totalHours)
  return {
    title: '志愿服务记录证明',
    body: `兹证明 ${c.name}（${Gender.map[c.gender]}）参加${c.issuer.name}组织的科技志愿服务，记录如下：`,
    lines: c.rows.map((r) => ({
      key: r.activityId,
      date: formatDate(r.date),
      content: `${r.title}（${r.team.name}）`,
      hours: lineHours(r.scannedHours, r.makeupHours),
      makeup: r.makeupHours > 0,
    })),
    total: `累计服务时间：${total}`,
    issuer: `记录单位：${c.issuer.name}`,
    issuedOn: `出具日期：${formatDate(c.issuedOn)}`,
    serial: `证明编号：${c.serial}`,
    code: `核验码：${c.code}`,
    rule: c.hoursRule,
  }
}
