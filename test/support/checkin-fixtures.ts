/** Signed tickets and activity packs made on the spot, for the organizer's offline checks and the bench. */
import './text-encoder'
import { ed25519 } from '@noble/curves/ed25519'
import { bytesToHex } from '@noble/hashes/utils'
import type { Attendance, AttendeeRow, CheckinPack, ScanOutcome } from '../../types/api'
import { activityRef, encodeToken, signedBytes, ticketId } from '../../types/ticket-token'

export interface Signer {
  publicKey: string
  /** A token for a fresh (or the given) ticket id of `activityId`. */
  token(activityId: string, tid?: string): { tid: string; token: string }
}

let seq = 0
/** A deterministic 8-byte ticket id, different on every call. */
export function nextTid(): string {
  const bytes = new Uint8Array(8)
  let n = ++seq
  for (let i = 7; i >= 0; i--) {
    bytes[i] = n & 0xff
    n = Math.floor(n / 256)
  }
  return ticketId(bytes)
}

export function signer(seed = 7): Signer {
  const secret = new Uint8Array(32).fill(seed)
  return {
    publicKey: bytesToHex(ed25519.getPublicKey(secret)),
    token(activityId, tid = nextTid()) {
      const claims = { tid, act: activityRef(activityId) }
      return { tid, token: encodeToken(claims, ed25519.sign(signedBytes(claims), secret)) }
    },
  }
}

export function pack(s: Signer, tickets: CheckinPack['tickets'], over: Partial<CheckinPack> = {}): CheckinPack {
  return {
    activity: {
      id: 'act-1',
      title: '防灾减灾科普进社区',
      startAt: '2030-09-20T01:30:00.000Z',
      endAt: '2030-09-20T04:30:00.000Z',
      address: '赫山区金银山街道社区服务中心',
    },
    publicKey: s.publicKey,
    tickets,
    revoked: [],
    takenAt: '2030-09-19T12:00:00.000Z',
    ...over,
  }
}

export function outcome(over: Partial<ScanOutcome> = {}): ScanOutcome {
  return {
    nonce: 'nonce-0001',
    result: 'done',
    code: null,
    message: '签到成功',
    ticketId: 'tk-1',
    nameMasked: '刘*',
    first: null,
    hours: null,
    ...over,
  }
}

export function attendee(over: Partial<AttendeeRow> = {}): AttendeeRow {
  return {
    ticketId: 'tk-1',
    nameMasked: '刘*',
    phoneLast4: '5678',
    status: 'confirmed',
    checkedInAt: null,
    checkedInMethod: null,
    checkedOutAt: null,
    checkedOutMethod: null,
    hours: 0,
    makeupHours: 0,
    makeups: [],
    ...over,
  }
}

export function attendance(over: Partial<Attendance> = {}): Attendance {
  return {
    activityId: 'act-1',
    title: '防灾减灾科普进社区',
    startAt: '2030-09-20T01:30:00.000Z',
    endAt: '2030-09-20T04:30:00.000Z',
    counts: { signedUp: 2, checkedIn: 1, checkedOut: 0, absent: 0, waiting: 0 },
    peopleServed: null,
    highlight: null,
    recordsConfirmedAt: null,
    rows: [
      attendee({ checkedInAt: '2030-09-20T01:25:00.000Z', checkedInMethod: 'scan' }),
      attendee({ ticketId: 'tk-2', nameMasked: '王**', phoneLast4: '1234' }),
    ],
    hoursRule: '按签到至签退的实际时长计，以 0.5 小时为单位向下取整；未签退的按活动结束时间计',
    ...over,
  }
}
