import { _, isDuplicateKey, listOf, rowsOf, serverNow, type Db } from '../db'
import type { ActivityDoc, CheckDoc, TicketDoc } from '../models'
import type { KeyCursor } from './activity.repository'

/** Statuses that hold a place (or a waitlist place), and what 我的活动 lists. */
export const LIVE: TicketDoc['status'][] = ['confirmed', 'waitlisted', 'absent']

/** The person already has a live sign-up for the activity (the unique key index refused a second). */
export class AlreadySignedUp extends Error {}

/** What a ticket keeps of its activity. */
export type TicketCopy = Pick<TicketDoc, 'title' | 'startAt' | 'endAt' | 'address' | 'venueKind' | 'team'>

export const ticketKey = (activityId: string, openid: string) => `${activityId}_${openid}`

export interface TicketRepository {
  insert(doc: Omit<TicketDoc, '_id' | 'createdAt'>): Promise<string>
  get(id: string): Promise<TicketDoc | null>
  /** Tickets of an activity by the ids in their tokens, or by their own ids (manual entries). */
  byTidsOrIds(activityId: string, tids: string[], ids: string[]): Promise<TicketDoc[]>
  /**
   * One ticket of the activity (by the id in its token, or its own id) with its activity and its
   * checks, in one request: everything an online scan decides on.
   */
  forScan(
    activityId: string,
    key: { tid: string } | { id: string },
  ): Promise<{ ticket: TicketDoc; activity: ActivityDoc | null; checks: CheckDoc[] } | null>
  /** Every ticket of an activity, whatever its state (attendance, the offline pack). */
  ofActivity(activityId: string, limit: number): Promise<TicketDoc[]>
  /** Every ticket of an activity with its check-in time if it has one (the offline pack): one request. */
  ofActivityCheckedIn(activityId: string, limit: number): Promise<(TicketDoc & { checkedInAt: Date | null })[]>
  /** The person's live tickets whose time overlaps [from, to). */
  liveOverlapping(openid: string, from: Date, to: Date, limit: number): Promise<TicketDoc[]>
  /** The person's live tickets: upcoming by end time ascending, past descending. */
  mine(
    openid: string,
    tab: 'upcoming' | 'past',
    now: Date,
    after: KeyCursor | null,
    limit: number,
  ): Promise<TicketDoc[]>
  /** Live tickets `openid` made for others (代为报名) of activities not yet ended, soonest first. */
  madeFor(openid: string, now: Date, limit: number): Promise<TicketDoc[]>
  /** Cancels a ticket still in `from`, freeing its key for a new sign-up. */
  cancel(id: string, from: TicketDoc['status'], key: string): Promise<boolean>
  /** The longest-waiting tickets of the activity, first in line first. */
  waiting(activityId: string, limit: number): Promise<TicketDoc[]>
  /** Moves a ticket from the waitlist to a seat, only if it is still waiting. */
  promote(id: string): Promise<boolean>
  markAbsent(id: string, reason: string): Promise<boolean>
  /** Live tickets of these activities (for messages to everyone signed up). */
  liveOf(activityIds: string[], limit: number): Promise<TicketDoc[]>
  /** Keeps the copies of an edited activity's title and times; flags a change of time or place. */
  updateCopies(activityId: string, copy: TicketCopy, changed: boolean): Promise<void>
}

export function ticketRepository(db: Db): TicketRepository {
  const col = db.collection('tickets')
  const updated = (res: unknown) => (res as { stats: { updated: number } }).stats.updated === 1
  return {
    async insert(doc) {
      try {
        const res = (await col.add({ data: { ...doc, createdAt: serverNow() } })) as { _id: string }
        return res._id
      } catch (e) {
        if (isDuplicateKey(e)) throw new AlreadySignedUp()
        throw e
      }
    },
    async get(id) {
      const [row] = await rowsOf<TicketDoc>(col.where({ _id: id }).limit(1))
      return row ?? null
    },
    async madeFor(openid, now, limit) {
      return rowsOf<TicketDoc>(
        col
          .where({ 'proxy.by': openid, endAt: _.gt(now), status: _.in(LIVE) })
          .orderBy('endAt', 'asc')
          .limit(limit),
      )
    },
    async byTidsOrIds(activityId, tids, ids) {
      const match = [...(tids.length ? [{ tid: _.in(tids) }] : []), ...(ids.length ? [{ _id: _.in(ids) }] : [])]
      if (match.length === 0) return []
      return rowsOf<TicketDoc>(
        col.where(_.and([{ activityId }, _.or(match)])).limit(Math.min(1000, tids.length + ids.length)),
      )
    },
    async forScan(activityId, key) {
      const match = 'tid' in key ? { activityId, tid: key.tid } : { activityId, _id: key.id }
      const [row] = await listOf<TicketDoc & { scanActivity: ActivityDoc[]; scanChecks: CheckDoc[] }>(
        col
          .aggregate()
          .match(match)
          .limit(1)
          .lookup({ from: 'activities', localField: 'activityId', foreignField: '_id', as: 'scanActivity' })
          .lookup({ from: 'checks', localField: '_id', foreignField: 'ticketId', as: 'scanChecks' }),
      )
      if (!row) return null
      const { scanActivity, scanChecks, ...ticket } = row
      return { ticket, activity: scanActivity[0] ?? null, checks: scanChecks }
    },
    ofActivity: (activityId, limit) => rowsOf<TicketDoc>(col.where({ activityId }).limit(limit)),
    async ofActivityCheckedIn(activityId, limit) {
      const rows = await listOf<TicketDoc & { packChecks: CheckDoc[] }>(
        col
          .aggregate()
          .match({ activityId })
          .limit(limit)
          .lookup({ from: 'checks', localField: '_id', foreignField: 'ticketId', as: 'packChecks' }),
      )
      return rows.map(({ packChecks, ...t }) => ({
        ...t,
        checkedInAt: packChecks.find((c) => c.mode === 'in')?.at ?? null,
      }))
    },
    liveOverlapping: (openid, from, to, limit) =>
      rowsOf<TicketDoc>(
        col
          .where({ openid, endAt: _.gt(from), startAt: _.lt(to), status: _.in(LIVE) })
          .orderBy('endAt', 'asc')
          .orderBy('_id', 'asc')
          .limit(limit),
      ),
    mine(openid, tab, now, after, limit) {
      const asc = tab === 'upcoming'
      const beyond = asc ? _.gt : _.lt
      const conds: object[] = [{ openid, endAt: asc ? _.gte(now) : _.lt(now), status: _.in(LIVE) }]
      if (after) conds.push(_.or([{ endAt: beyond(after.at) }, { endAt: after.at, _id: beyond(after.id) }]))
      const dir = asc ? 'asc' : 'desc'
      return rowsOf<TicketDoc>(col.where(_.and(conds)).orderBy('endAt', dir).orderBy('_id', dir).limit(limit))
    },
    async cancel(id, from, key) {
      const res = await col
        .where({ _id: id, status: from })
        .update({ data: { status: 'cancelled', key: `${key}_${id}`, cancelledAt: serverNow() } })
      return updated(res)
    },
    waiting: (activityId, limit) =>
      rowsOf<TicketDoc>(
        col.where({ activityId, status: 'waitlisted' }).orderBy('createdAt', 'asc').orderBy('_id', 'asc').limit(limit),
      ),
    async promote(id) {
      const res = await col
        .where({ _id: id, status: 'waitlisted' })
        .update({ data: { status: 'confirmed', promotedAt: serverNow() } })
      return updated(res)
    },
    async markAbsent(id, reason) {
      const res = await col
        .where({ _id: id, status: 'confirmed' })
        .update({ data: { status: 'absent', absentReason: reason } })
      return updated(res)
    },
    liveOf: (activityIds, limit) =>
      activityIds.length
        ? rowsOf<TicketDoc>(col.where({ activityId: _.in(activityIds), status: _.in(LIVE) }).limit(limit))
        : Promise.resolve([]),
    async updateCopies(activityId, copy, changed) {
      const data = changed ? { ...copy, changed: true } : copy
      await col.where({ activityId }).update({ data })
    },
  }
}
