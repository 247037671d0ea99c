import { FocusTag } from '../../../types/enums'
import type { Scope } from '../auth'
import { _, listOf, rowsOf, serverNow, type Db } from '../db'
import type { ActivityFields } from '../activity'
import type { ActivityDoc } from '../models'

export interface KeyCursor {
  at: Date
  id: string
}

export interface ActivityFilter {
  tab: 'upcoming' | 'past'
  now: Date
  teamId?: string
  type?: ActivityDoc['type']
  focus?: FocusTag
  /** Start within [from, to). */
  from?: Date
  to?: Date
  seatsOnly?: boolean
  /** Part of the title, matched literally. */
  q?: string
}

export type NewActivity = Omit<ActivityDoc, '_id' | 'createdAt' | 'updatedAt'>

export interface ActivityRepository {
  get(id: string): Promise<ActivityDoc | null>
  byIds(ids: string[]): Promise<ActivityDoc[]>
  /** Published activities: upcoming by end time ascending, past descending; keyset paging on (endAt, _id). */
  list(filter: ActivityFilter, after: KeyCursor | null, limit: number): Promise<ActivityDoc[]>
  /** Activities of the teams in scope, latest start first; keyset paging on (startAt, _id). */
  organized(scope: Scope, after: KeyCursor | null, limit: number): Promise<ActivityDoc[]>
  insert(doc: NewActivity): Promise<string>
  /**
   * Saves an edit of revision `rev`, moving the seat counters by the change in capacity in the same
   * update; refused (false) when the revision moved on or fewer seats are free than the cut takes.
   */
  saveEdit(id: string, rev: number, fields: ActivityFields, capacityDelta: number, waitDelta: number): Promise<boolean>
  /** Publishes draft revision `rev` of a team in `scope` whose start is still ahead. */
  publish(id: string, rev: number, now: Date, scope: Scope): Promise<boolean>
  cancel(id: string, reason: string): Promise<boolean>
  /** One seat, only while one is free and sign-up is open: exact under any concurrency. */
  takeSeat(id: string, now: Date): Promise<boolean>
  /** A waitlist place, only while no seat is free and the waitlist has room. */
  joinWaitlist(id: string, now: Date): Promise<boolean>
  leaveWaitlist(id: string): Promise<void>
  releaseSeat(id: string): Promise<void>
  /** A seat passed from a cancelled ticket to the first waiting one: the waitlist shrinks, seats do not change. */
  seatPassedOn(id: string): Promise<void>
  countAbsent(id: string): Promise<void>
  /** Moves the check-in and check-out counters by what a scan or batch recorded. */
  /**
   * Writes an activity's 签到/签退 figures as counted from its records. Records are never deleted,
   * so a later count is never smaller: a count taken earlier never overwrites a larger one.
   */
  settleChecks(id: string, checkedIn: number, checkedOut: number): Promise<void>
  saveReport(id: string, peopleServed: number, highlight: ActivityDoc['highlight']): Promise<void>
  confirmRecords(id: string): Promise<void>
  /** Published activities that ended before `now` and were not yet closed by the automatic check-out. */
  endedUnclosed(now: Date, limit: number): Promise<ActivityDoc[]>
  markAutoClosed(ids: string[]): Promise<void>
  /** Ended activities of the scope whose records are not confirmed, latest end first. */
  unconfirmed(scope: Scope, now: Date, after: KeyCursor | null, limit: number): Promise<ActivityDoc[]>
  /** Focus tags carried by published activities of the subtree starting in [from, to). */
  focusCovered(teamId: string, from: Date, to: Date): Promise<FocusTag[]>
  /** Published activities starting in [from, to) not yet reminded. */
  dueForReminder(from: Date, to: Date, limit: number): Promise<ActivityDoc[]>
  markReminded(ids: string[]): Promise<void>
}

/** The literal text of a search, safe inside a regular expression. */
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function activityRepository(db: Db): ActivityRepository {
  const col = db.collection('activities')
  const updated = (res: unknown) => (res as { stats: { updated: number } }).stats.updated === 1
  return {
    async get(id) {
      const [row] = await rowsOf<ActivityDoc>(col.where({ _id: id }).limit(1))
      return row ?? null
    },
    async byIds(ids) {
      return ids.length ? rowsOf<ActivityDoc>(col.where({ _id: _.in(ids) }).limit(ids.length)) : []
    },
    async list(f, after, limit) {
      const asc = f.tab === 'upcoming'
      // The equality that narrows most goes first so one of the declared indexes
      // (stage, type|teamPath|focusTags, endAt, _id) serves both the match and the order.
      const conds: object[] = [{ stage: 'published', endAt: asc ? _.gte(f.now) : _.lt(f.now) }]
      if (f.type) conds.push({ type: f.type })
      if (f.teamId) conds.push({ teamPath: f.teamId })
      if (f.focus) conds.push({ focusTags: f.focus })
      if (f.from) conds.push({ startAt: _.gte(f.from) })
      if (f.to) conds.push({ startAt: _.lt(f.to) })
      if (f.seatsOnly) conds.push({ seatsLeft: _.gt(0) })
      if (f.q) conds.push({ title: db.RegExp({ regexp: literal(f.q), options: 'i' }) })
      if (after) {
        const beyond = asc ? _.gt : _.lt
        conds.push(_.or([{ endAt: beyond(after.at) }, { endAt: after.at, _id: beyond(after.id) }]))
      }
      const dir = asc ? 'asc' : 'desc'
      return rowsOf<ActivityDoc>(col.where(_.and(conds)).orderBy('endAt', dir).orderBy('_id', dir).limit(limit))
    },
    async organized(scope, after, limit) {
      const conds: object[] = scope === 'all' ? [] : [{ teamPath: _.in(scope) }]
      if (after) conds.push(_.or([{ startAt: _.lt(after.at) }, { startAt: after.at, _id: _.lt(after.id) }]))
      const query = conds.length ? col.where(_.and(conds)) : col
      return rowsOf<ActivityDoc>(query.orderBy('startAt', 'desc').orderBy('_id', 'desc').limit(limit))
    },
    async insert(doc) {
      const res = (await col.add({ data: { ...doc, createdAt: serverNow(), updatedAt: serverNow() } })) as {
        _id: string
      }
      return res._id
    },
    async saveEdit(id, rev, fields, capacityDelta, waitDelta) {
      const res = await col
        .where({
          _id: id,
          rev,
          stage: _.neq('cancelled'),
          // After the update neither counter may go below zero.
          seatsLeft: _.gte(-capacityDelta),
          waitSlots: _.gte(-waitDelta),
        })
        .update({
          data: {
            ...fields,
            rev: _.inc(1),
            seatsLeft: _.inc(capacityDelta),
            waitSlots: _.inc(waitDelta),
            updatedAt: serverNow(),
          },
        })
      return updated(res)
    },
    async publish(id, rev, now, scope) {
      const inScope = scope === 'all' ? {} : { teamPath: _.in(scope) }
      const res = await col
        .where({ ...inScope, _id: id, rev, stage: 'draft', startAt: _.gt(now) })
        .update({ data: { stage: 'published', rev: _.inc(1), publishedAt: serverNow(), updatedAt: serverNow() } })
      return updated(res)
    },
    async cancel(id, reason) {
      const res = await col
        .where({ _id: id, stage: _.in(['draft', 'published']) })
        .update({ data: { stage: 'cancelled', cancelReason: reason, rev: _.inc(1), updatedAt: serverNow() } })
      return updated(res)
    },
    async takeSeat(id, now) {
      const res = await col
        .where({ _id: id, stage: 'published', signupDeadline: _.gte(now), seatsLeft: _.gt(0) })
        .update({ data: { seatsLeft: _.inc(-1), signedUp: _.inc(1) } })
      return updated(res)
    },
    async joinWaitlist(id, now) {
      const res = await col
        .where({ _id: id, stage: 'published', signupDeadline: _.gte(now), seatsLeft: 0, waitSlots: _.gt(0) })
        .update({ data: { waitSlots: _.inc(-1), waiting: _.inc(1) } })
      return updated(res)
    },
    async leaveWaitlist(id) {
      await col.where({ _id: id, waiting: _.gt(0) }).update({ data: { waitSlots: _.inc(1), waiting: _.inc(-1) } })
    },
    async releaseSeat(id) {
      await col.where({ _id: id, signedUp: _.gt(0) }).update({ data: { seatsLeft: _.inc(1), signedUp: _.inc(-1) } })
    },
    async seatPassedOn(id) {
      await col.where({ _id: id, waiting: _.gt(0) }).update({ data: { waitSlots: _.inc(1), waiting: _.inc(-1) } })
    },
    async countAbsent(id) {
      await col.where({ _id: id }).update({ data: { absent: _.inc(1) } })
    },
    async settleChecks(id, checkedIn, checkedOut) {
      await col
        .where({ _id: id, checkedIn: _.lte(checkedIn), checkedOut: _.lte(checkedOut) })
        .update({ data: { checkedIn, checkedOut } })
    },
    async saveReport(id, peopleServed, highlight) {
      await col
        .where({ _id: id })
        .update({ data: { peopleServed, highlight: _.set(highlight), updatedAt: serverNow() } })
    },
    async confirmRecords(id) {
      await col.where({ _id: id, recordsConfirmedAt: null }).update({ data: { recordsConfirmedAt: serverNow() } })
    },
    endedUnclosed: (now, limit) =>
      rowsOf<ActivityDoc>(
        col
          .where({ stage: 'published', endAt: _.lt(now), autoCheckedOutAt: null })
          .orderBy('endAt', 'asc')
          .orderBy('_id', 'asc')
          .limit(limit),
      ),
    async markAutoClosed(ids) {
      if (ids.length) await col.where({ _id: _.in(ids) }).update({ data: { autoCheckedOutAt: serverNow() } })
    },
    unconfirmed(scope, now, after, limit) {
      const conds: object[] = [{ stage: 'published', endAt: _.lt(now), recordsConfirmedAt: null }]
      if (scope !== 'all') conds.push({ teamPath: _.in(scope) })
      if (after) conds.push(_.or([{ endAt: _.lt(after.at) }, { endAt: after.at, _id: _.lt(after.id) }]))
      return rowsOf<ActivityDoc>(col.where(_.and(conds)).orderBy('endAt', 'desc').orderBy('_id', 'desc').limit(limit))
    },
    async focusCovered(teamId, from, to) {
      const rows = await listOf<{ _id: FocusTag }>(
        col
          .aggregate()
          // Only activities with a focus tag are read (index team_focus_start), not all of the period's.
          .match({
            teamPath: teamId,
            stage: 'published',
            focusTags: _.in(FocusTag.values),
            startAt: _.and(_.gte(from), _.lt(to)),
          })
          .unwind('$focusTags')
          .group({ _id: '$focusTags' })
          .limit(10),
      )
      return rows.map((r) => r._id)
    },
    dueForReminder: (from, to, limit) =>
      rowsOf<ActivityDoc>(
        col
          .where({ stage: 'published', startAt: _.and(_.gte(from), _.lt(to)), remindedAt: null })
          .orderBy('startAt', 'asc')
          .orderBy('_id', 'asc')
          .limit(limit),
      ),
    async markReminded(ids) {
      if (ids.length) await col.where({ _id: _.in(ids) }).update({ data: { remindedAt: serverNow() } })
    },
  }
}
