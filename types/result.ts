/**
 * The envelope every cloud function answers with, and the stable error codes.
 * A code never changes meaning; the message is Chinese text fit to show a user.
 */

export const ErrorCode = {
  /** The action name is not one this function knows. */
  UNKNOWN_ACTION: 'UNKNOWN_ACTION',
  /** The payload failed validation; `field` names the first offending field. */
  INVALID_INPUT: 'INVALID_INPUT',
  /** The caller has no role that allows this action. */
  FORBIDDEN: 'FORBIDDEN',
  /** The caller has the role, but not over this team. */
  NOT_IN_SCOPE: 'NOT_IN_SCOPE',
  NOT_FOUND: 'NOT_FOUND',
  /** The record is not in a state that allows this action. */
  WRONG_STATE: 'WRONG_STATE',
  /** Someone else changed the record at the same time; reload and retry. */
  CONFLICT: 'CONFLICT',
  ALREADY_REGISTERED: 'ALREADY_REGISTERED',
  ID_NUMBER_TAKEN: 'ID_NUMBER_TAKEN',
  CODE_INVALID: 'CODE_INVALID',
  CODE_EXPIRED: 'CODE_EXPIRED',
  CODE_LOCKED: 'CODE_LOCKED',
  // Registration hardening: limits on what one caller may learn or try in a day.
  /** The caller used up today's allowance for this kind of attempt; try again tomorrow. */
  RATE_LIMITED: 'RATE_LIMITED',
  // Activities and sign-up
  /** Neither a seat nor a waitlist place is left. */
  ACTIVITY_FULL: 'ACTIVITY_FULL',
  /** The activity is a draft, cancelled or over: nobody can sign up. */
  ACTIVITY_NOT_OPEN: 'ACTIVITY_NOT_OPEN',
  /** The sign-up deadline has passed. */
  SIGNUP_CLOSED: 'SIGNUP_CLOSED',
  /** Only activated volunteers sign up. */
  NOT_ACTIVATED: 'NOT_ACTIVATED',
  /** The activity is open to members of its team's subtree only. */
  NOT_IN_AUDIENCE: 'NOT_IN_AUDIENCE',
  ALREADY_SIGNED_UP: 'ALREADY_SIGNED_UP',
  /** Past the cut-off before the start: 无法参加 instead. */
  CANCEL_CLOSED: 'CANCEL_CLOSED',
  /** A capacity below the number already signed up. */
  CAPACITY_TOO_LOW: 'CAPACITY_TOO_LOW',
  TICKET_ALREADY_USED: 'TICKET_ALREADY_USED',
  // Check-in
  /** Not a ticket of this system, or its signature does not verify (forged, tampered, truncated). */
  TICKET_INVALID: 'TICKET_INVALID',
  /** A genuine ticket of another activity. */
  TICKET_OTHER_ACTIVITY: 'TICKET_OTHER_ACTIVITY',
  /** The sign-up was cancelled (or the person said 无法参加). */
  TICKET_CANCELLED: 'TICKET_CANCELLED',
  /** Outside the check-in window (opens before the start, closes after the end). */
  CHECKIN_NOT_OPEN: 'CHECKIN_NOT_OPEN',
  /** A check-out for someone never checked in. */
  NOT_CHECKED_IN: 'NOT_CHECKED_IN',
  /** A 补录 longer than the activity. */
  MAKEUP_TOO_LONG: 'MAKEUP_TOO_LONG',
  /** The ID-card photo could not be read (no card in it, unreadable, the back side); type it instead. */
  ID_CARD_UNREADABLE: 'ID_CARD_UNREADABLE',
  /** WeChat's phone-number code is unknown, used or expired (each works once, for 5 minutes). */
  PHONE_CODE_INVALID: 'PHONE_CODE_INVALID',
  // Forms and certificates
  /** A chosen 亮点活动 is not a counted activity of the unit's period with a write-up. */
  HIGHLIGHT_NOT_ELIGIBLE: 'HIGHLIGHT_NOT_ELIGIBLE',
  /** 是否在全县基本覆盖 is a county's own answer; other teams leave it blank. */
  COVERAGE_NOT_COUNTY: 'COVERAGE_NOT_COUNTY',
  /** The team has no service records of the caller to certify. */
  NO_SERVICE_RECORDS: 'NO_SERVICE_RECORDS',
  /** The platform could not be reached (client side only). */
  NETWORK: 'NETWORK',
  INTERNAL: 'INTERNAL',
} as const
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

export interface Ok<T> {
  ok: true
  data: T
}
export interface Err {
  ok: false
  code: ErrorCode
  message: string
  /** For INVALID_INPUT: the dotted path of the first invalid field. */
  field?: string
}
export type Result<T> = Ok<T> | Err

/** What every function receives as its event. */
export interface CallEvent<A extends string = string, D = unknown> {
  action: A
  data?: D
}
