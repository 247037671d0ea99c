/** What the scan page shows for a scan: a large title, its colour, and a line or two under it. */
import type { ScanOutcome } from '../../../../types/api'
import { ErrorCode } from '../../../../types/result'
import { formatDateTime } from '../../../utils/datetime'
import type { LocalVerdict } from './offline-check'

export type Tone = 'ok' | 'warn' | 'bad'

export interface ScanView {
  tone: Tone
  /** 签到成功, 已签到, 不是本活动的票, 票已取消, 无效二维码… read at arm's length. */
  title: string
  lines: string[]
  /** Recorded on this phone only, waiting to upload. */
  queued: boolean
}

const TITLE_BY_CODE: Record<string, string> = {
  [ErrorCode.TICKET_INVALID]: '无效二维码',
  [ErrorCode.TICKET_OTHER_ACTIVITY]: '不是本活动的票',
  [ErrorCode.TICKET_CANCELLED]: '票已取消',
  [ErrorCode.CHECKIN_NOT_OPEN]: '不在签到时间',
  [ErrorCode.NOT_CHECKED_IN]: '尚未签到',
  [ErrorCode.NOT_IN_SCOPE]: '无权为本活动签到',
  [ErrorCode.FORBIDDEN]: '无权签到',
}

/** `14:05` of today, or the full date otherwise (China time, like every time on screen). */
export function clock(iso: string, now: Date = new Date()): string {
  const full = formatDateTime(iso)
  return full.slice(0, full.indexOf(' ')) === formatDateTime(now.toISOString()).split(' ')[0]
    ? full.slice(full.indexOf(' ') + 1)
    : full
}

/** 2.5 小时, 3 小时. */
export const hoursText = (h: number) => `${Number.isInteger(h) ? h : h.toFixed(1)} 小时`

const METHOD: Record<string, string> = { scan: '扫码', offline: '离线扫码', manual: '手动', auto: '自动' }

export function fromOutcome(o: ScanOutcome, mode: 'in' | 'out', scannedAt: string, now = new Date()): ScanView {
  const done = mode === 'in' ? '签到成功' : '签退成功'
  const name = o.nameMasked ?? ''
  const hours = o.hours === null ? '' : `服务时长 ${hoursText(o.hours)}`
  if (o.result === 'done') {
    return {
      tone: 'ok',
      title: done,
      lines: [name, `${mode === 'in' ? '签到' : '签退'}时间 ${clock(scannedAt, now)}`, hours].filter(Boolean),
      queued: false,
    }
  }
  if (o.result === 'already') {
    const f = o.first
    const when = f ? `${clock(f.at, now)} 在 ${f.device}（${METHOD[f.method] ?? f.method}）` : ''
    return {
      tone: 'warn',
      title: mode === 'in' ? '已签到' : '已签退',
      lines: [name, when ? `首次${mode === 'in' ? '签到' : '签退'}：${when}` : o.message, hours].filter(Boolean),
      queued: false,
    }
  }
  const title = (o.code && TITLE_BY_CODE[o.code]) || o.message
  return { tone: 'bad', title, lines: [name, title === o.message ? '' : o.message].filter(Boolean), queued: false }
}

export function fromLocal(v: LocalVerdict, mode: 'in' | 'out', scannedAt: string, now = new Date()): ScanView {
  if (v.result === 'done') {
    return {
      tone: 'ok',
      title: mode === 'in' ? '签到成功' : '签退成功',
      lines: [v.nameMasked, `${mode === 'in' ? '签到' : '签退'}时间 ${clock(scannedAt, now)} · 离线记录，待上传`],
      queued: true,
    }
  }
  if (v.result === 'already') {
    return {
      tone: 'warn',
      title: mode === 'in' ? '已签到' : '已签退',
      lines: [v.nameMasked, `首次：${clock(v.at, now)}${v.here ? ' 在本机' : ' 在其他手机'}`],
      queued: false,
    }
  }
  return {
    tone: 'bad',
    title: TITLE_BY_CODE[v.code] ?? v.message,
    lines: v.message === TITLE_BY_CODE[v.code] ? [] : [v.message],
    queued: false,
  }
}

/** A scan kept with no pack to check it against: it is checked when it reaches the cloud. */
export function unchecked(scannedAt: string, now = new Date()): ScanView {
  return {
    tone: 'warn',
    title: '已暂存',
    lines: [`扫码时间 ${clock(scannedAt, now)}`, '未下载离线包，联网后由服务器核验'],
    queued: true,
  }
}

export function vibrationOf(tone: Tone): 'short' | 'long' {
  return tone === 'ok' ? 'short' : 'long'
}
