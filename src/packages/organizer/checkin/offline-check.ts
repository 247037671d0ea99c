/**
 * Checking a scan against the activity pack with no network: the verifier glue between a scanned
 * text, the pack the organizer downloaded before leaving, and what this phone admitted since.
 */
import type { CheckinPack } from '../../../../types/api'
import { ErrorCode } from '../../../../types/result'
import { ticketVerifier, type Verdict } from '../ticket-verify'

type PackTicket = CheckinPack['tickets'][number]

/** What this phone recorded per ticket (by `tid`) since the pack was taken. */
export interface Admitted {
  [tid: string]: { in?: string; out?: string }
}

/** A pack with its lookups built once, so each scan is a signature check and two map reads. */
export interface PackIndex {
  pack: CheckinPack
  verify: (text: string) => Verdict
  byTid: Map<string, PackTicket>
  byTicketId: Map<string, PackTicket>
  revoked: Set<string>
}

export function indexPack(pack: CheckinPack): PackIndex {
  return {
    pack,
    verify: ticketVerifier(pack.publicKey, pack.activity.id),
    byTid: new Map(pack.tickets.map((t) => [t.tid, t])),
    byTicketId: new Map(pack.tickets.map((t) => [t.ticketId, t])),
    revoked: new Set(pack.revoked),
  }
}

export type LocalVerdict =
  /** Valid for this activity: record it on the phone and queue it for upload. */
  | { result: 'done'; tid: string; ticketId: string; nameMasked: string }
  /** Already recorded, by the pack (another phone before it was taken) or by this phone. */
  | { result: 'already'; tid: string; ticketId: string; nameMasked: string; at: string; here: boolean }
  | { result: 'refused'; code: ErrorCode; message: string }

const refused = (code: ErrorCode, message: string): LocalVerdict => ({ result: 'refused', code, message })

export const OFFLINE_MESSAGES = {
  invalid: '无效二维码',
  other: '不是本活动的票',
  cancelled: '票已取消',
  unknown: '无效二维码：不在本活动的报名名单中',
  notIn: '尚未签到，不能签退',
} as const

/**
 * The verdict for `text` (a scanned token, or a ticket id typed for someone without a smartphone)
 * in `mode`. A token of a ticket cancelled after sign-up is refused by the revocation list, never
 * admitted; a tid the pack does not know is refused too (signed up after the pack was taken, or
 * not a ticket of this activity): the organizer can update the pack or check them in by hand online.
 */
export function checkOffline(index: PackIndex, admitted: Admitted, text: string, mode: 'in' | 'out'): LocalVerdict {
  const trimmed = text.trim()
  let ticket: PackTicket | undefined
  let tid: string
  const byId = index.byTicketId.get(trimmed)
  if (byId) {
    ticket = byId
    tid = byId.tid
  } else {
    const v = index.verify(trimmed)
    if (!v.ok) {
      return v.reason === 'other_activity'
        ? refused(ErrorCode.TICKET_OTHER_ACTIVITY, OFFLINE_MESSAGES.other)
        : refused(ErrorCode.TICKET_INVALID, OFFLINE_MESSAGES.invalid)
    }
    tid = v.tid
    if (index.revoked.has(tid)) return refused(ErrorCode.TICKET_CANCELLED, OFFLINE_MESSAGES.cancelled)
    ticket = index.byTid.get(tid)
  }
  if (index.revoked.has(tid)) return refused(ErrorCode.TICKET_CANCELLED, OFFLINE_MESSAGES.cancelled)
  if (!ticket) return refused(ErrorCode.TICKET_INVALID, OFFLINE_MESSAGES.unknown)
  const mine = admitted[tid]
  const who = { tid, ticketId: ticket.ticketId, nameMasked: ticket.nameMasked }
  if (mode === 'in') {
    if (mine?.in) return { result: 'already', ...who, at: mine.in, here: true }
    if (ticket.checkedInAt) return { result: 'already', ...who, at: ticket.checkedInAt, here: false }
    return { result: 'done', ...who }
  }
  if (mine?.out) return { result: 'already', ...who, at: mine.out, here: true }
  if (!mine?.in && !ticket.checkedInAt) return refused(ErrorCode.NOT_CHECKED_IN, OFFLINE_MESSAGES.notIn)
  return { result: 'done', ...who }
}

/** `admitted` with a recorded scan added (a new object: the caller stores it). */
export function admit(admitted: Admitted, tid: string, mode: 'in' | 'out', at: string): Admitted {
  return { ...admitted, [tid]: { ...admitted[tid], [mode]: admitted[tid]?.[mode] ?? at } }
}
