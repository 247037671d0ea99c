/**
 * The checkin function: scanning tickets at the venue (online, or offline from a downloaded pack and
 * synced later), check-out and service hours, 补录, the after-event figures and write-up
 * (DOMAIN.md "Sign-up and check-in", "Service records and certificates").
 */
import type { TicketStatus } from '../enums'
import type { Page } from './common'

/** How a check-in or check-out was recorded. */
export type RecordMethod = 'scan' | 'offline' | 'manual' | 'auto'

/** One scan or tap at the venue. `at` is when it happened on the phone (offline scans keep it). */
export interface ScanInput {
  /** Unique per scan (random, made on the phone): a replayed scan is accepted once. */
  nonce: string
  /** The scanned text (a signed token), or for a manual entry the ticket's id. */
  token: string
  mode: 'in' | 'out'
  at: string
}

export interface ScanOutcome {
  nonce: string
  /** done: recorded now; already: recorded before (by this or another phone); refused: see code. */
  result: 'done' | 'already' | 'refused'
  /** For refused: TICKET_INVALID, TICKET_OTHER_ACTIVITY, TICKET_CANCELLED, CHECKIN_NOT_OPEN, NOT_CHECKED_IN… */
  code: string | null
  message: string
  ticketId: string | null
  nameMasked: string | null
  /** For already: when and on which phone the first record was made. */
  first: { at: string; device: string; method: RecordMethod } | null
  /** For a check-out (now or before): the service hours it earned by the stated rule; null otherwise. */
  hours: number | null
}

/** What an organizer's phone downloads before leaving for a venue with no signal. No full ID numbers or phones. */
export interface CheckinPack {
  activity: { id: string; title: string; startAt: string; endAt: string; address: string }
  /** Ed25519 public key (hex) that verifies this activity's tickets. */
  publicKey: string
  /** Live tickets: who may be admitted. */
  tickets: { tid: string; ticketId: string; nameMasked: string; checkedInAt: string | null }[]
  /** Tickets cancelled since sign-up: refused offline, not silently admitted. */
  revoked: string[]
  takenAt: string
}

export interface SyncResult {
  outcomes: ScanOutcome[]
  /** One ticket admitted on two phones: the earlier record stands, the later is reported here. */
  conflicts: {
    ticketId: string
    nameMasked: string
    first: { at: string; device: string }
    second: { at: string; device: string }
  }[]
}

export interface AttendeeRow {
  ticketId: string
  nameMasked: string
  /** Last four digits of the phone, to find someone without a smartphone. */
  phoneLast4: string
  status: TicketStatus
  checkedInAt: string | null
  checkedInMethod: RecordMethod | null
  checkedOutAt: string | null
  checkedOutMethod: RecordMethod | null
  /** Scanned hours by the stated rule (信用时长). */
  hours: number
  /** Hours added afterwards (补录), active ones only. */
  makeupHours: number
  /** Every 补录 of this ticket, oldest first, declined ones included (they are never deleted). */
  makeups: Makeup[]
}

/** 亮点活动 write-up of 附件3: 名称、时间、地点、参与服务专家和受众人数、服务内容、服务效果. */
export interface Highlight {
  content: string
  effect: string
  /** Cloud storage fileIDs, at most 9. */
  photos: string[]
}

export interface Attendance {
  activityId: string
  title: string
  startAt: string
  endAt: string
  counts: { signedUp: number; checkedIn: number; checkedOut: number; absent: number; waiting: number }
  /** 接受服务的群众人次; null until entered. */
  peopleServed: number | null
  highlight: Highlight | null
  /** When the organizer confirmed the service records (due within 10 working days of the end). */
  recordsConfirmedAt: string | null
  rows: AttendeeRow[]
  /** The hours rule in words, shown beside the hours. */
  hoursRule: string
}

export interface Makeup {
  id: string
  ticketId: string
  hours: number
  reason: string
  by: string
  at: string
  declined: { by: string; at: string; reason: string } | null
}

/** An activity whose service records an organizer has yet to confirm. */
export interface RecordTodo {
  activityId: string
  title: string
  endAt: string
  /** 10 working days after the end (weekends skipped). */
  dueAt: string
  checkedIn: number
}

/** A volunteer's own service record, for 我的. */
export interface MyServiceRecord {
  activityId: string
  title: string
  team: { id: string; name: string }
  startAt: string
  checkedInAt: string | null
  checkedOutAt: string | null
  hours: number
  makeupHours: number
  /** Closed automatically at the scheduled end, without a check-out scan. */
  autoCheckedOut: boolean
}

export interface CheckinApi {
  /** Online: one scan (or a manual entry), verified on the server. */
  'checkin.scan': { req: { activityId: string; device: string; scan: ScanInput }; res: ScanOutcome }
  'checkin.pack': { req: { activityId: string }; res: CheckinPack }
  /** Offline scans uploaded in one batch (up to 100); a replayed batch adds nothing. */
  'checkin.sync': { req: { activityId: string; device: string; scans: ScanInput[] }; res: SyncResult }
  'checkin.attendance': { req: { activityId: string }; res: Attendance }
  /** Tokens of chosen tickets, to print as one sheet for volunteers without a smartphone. */
  'checkin.printTokens': {
    req: { activityId: string; ticketIds: string[] }
    res: { ticketId: string; nameMasked: string; token: string }[]
  }
  /** 补录: hours added afterwards with a reason; capped at the activity's length. */
  'checkin.makeup': { req: { ticketId: string; hours: number; reason: string }; res: Makeup }
  /** A 补录 is declined with a reason, never deleted. */
  'checkin.declineMakeup': { req: { makeupId: string; reason: string }; res: Makeup }
  'checkin.saveReport': {
    req: { activityId: string; peopleServed: number; highlight: Highlight | null }
    res: Attendance
  }
  'checkin.confirmRecords': { req: { activityId: string }; res: Attendance }
  'checkin.todo': { req: { cursor?: string; limit?: number }; res: Page<RecordTodo> }
  /** The volunteer's own check-ins and hours, newest first, with the total. */
  'checkin.mine': {
    req: { cursor?: string; limit?: number }
    res: Page<MyServiceRecord> & { totalHours: number }
  }
  /** A volunteer asks the organizing team to correct a record; it reaches the organizer. */
  'checkin.requestCorrection': { req: { activityId: string; note: string }; res: { sent: true } }
}
