import { _, isDuplicateKey, listOf, rowsOf, serverNow, type Db } from '../db'
import type { CheckDoc, MakeupDoc } from '../models'
import type { KeyCursor } from './activity.repository'

export const checkId = (ticketId: string, mode: 'in' | 'out') => `${ticketId}_${mode}`

export interface CheckRepository {
  /** The check-ins and check-outs of these tickets (one request for a whole batch). */
  ofTickets(ticketIds: string[]): Promise<CheckDoc[]>
  ofActivity(activityId: string, limit: number): Promise<CheckDoc[]>
  /** How many check-ins and check-outs each of these activities has recorded: one request, no rows back. */
  tally(activityIds: string[]): Promise<Map<string, { in: number; out: number }>>
  /**
   * Inserts checks in one request. Returns false when another phone recorded one of them first (the
   * primary key refused it); the caller re-reads and inserts what is still missing.
   */
  insertMany(docs: Omit<CheckDoc, 'receivedAt'>[]): Promise<boolean>
  /** A person's checks, newest first (keyset on at, _id). */
  ofPerson(openid: string, after: KeyCursor | null, limit: number): Promise<CheckDoc[]>
  /** Check-ins of these activities that have no check-out yet. */
  openCheckins(activityIds: string[], limit: number): Promise<CheckDoc[]>
  /** People with a check-out or a 补录 written or declined since `since` (two requests). */
  recentPeople(since: Date, limit: number): Promise<string[]>
  /** Each person's service minutes as their records add up: check-outs and 补录 not declined (two requests). */
  minutesOf(openids: string[]): Promise<Map<string, number>>
  addMakeup(doc: Omit<MakeupDoc, '_id' | 'at'>): Promise<string>
  getMakeup(id: string): Promise<MakeupDoc | null>
  declineMakeup(id: string, by: string, reason: string): Promise<boolean>
  makeupsOf(activityId: string, limit: number): Promise<MakeupDoc[]>
  makeupsOfPerson(openid: string, activityIds: string[]): Promise<MakeupDoc[]>
}

export function checkRepository(db: Db): CheckRepository {
  const col = db.collection('checks')
  const makeups = db.collection('makeups')
  return {
    ofTickets: (ids) =>
      ids.length
        ? rowsOf<CheckDoc>(col.where({ ticketId: _.in(ids) }).limit(Math.min(1000, ids.length * 2)))
        : Promise.resolve([]),
    ofActivity: (activityId, limit) => rowsOf<CheckDoc>(col.where({ activityId }).limit(limit)),
    async tally(activityIds) {
      const out = new Map(activityIds.map((id) => [id, { in: 0, out: 0 }]))
      if (activityIds.length === 0) return out
      const $ = db.command.aggregate
      const rows = await listOf<{ _id: { activityId: string; mode: 'in' | 'out' }; n: number }>(
        col
          .aggregate()
          .match({ activityId: _.in(activityIds) })
          .group({ _id: { activityId: '$activityId', mode: '$mode' }, n: $.sum(1) })
          .limit(activityIds.length * 2),
      )
      for (const r of rows) out.get(r._id.activityId)![r._id.mode] = r.n
      return out
    },
    async insertMany(docs) {
      if (docs.length === 0) return true
      try {
        await col.add({ data: docs.map((d) => ({ ...d, receivedAt: serverNow() })) })
        return true
      } catch (e) {
        if (isDuplicateKey(e)) return false
        throw e
      }
    },
    ofPerson(openid, after, limit) {
      const conds: object[] = [{ openid }]
      if (after) conds.push(_.or([{ at: _.lt(after.at) }, { at: after.at, _id: _.lt(after.id) }]))
      return rowsOf<CheckDoc>(col.where(_.and(conds)).orderBy('at', 'desc').orderBy('_id', 'desc').limit(limit))
    },
    async openCheckins(activityIds, limit) {
      if (activityIds.length === 0) return []
      const rows = await rowsOf<CheckDoc>(col.where({ activityId: _.in(activityIds) }).limit(limit))
      const out = new Set(rows.filter((c) => c.mode === 'out').map((c) => c.ticketId))
      return rows.filter((c) => c.mode === 'in' && !out.has(c.ticketId))
    },
    async recentPeople(since, limit) {
      const people = (rows: { _id: string }[]) => rows.map((r) => r._id)
      const [outs, made] = await Promise.all([
        listOf<{ _id: string }>(
          col
            .aggregate()
            .match({ mode: 'out', receivedAt: _.gte(since) })
            .group({ _id: '$openid' })
            .limit(limit),
        ),
        listOf<{ _id: string }>(
          makeups
            .aggregate()
            .match(_.or([{ at: _.gte(since) }, { 'declined.at': _.gte(since) }]))
            .group({ _id: '$openid' })
            .limit(limit),
        ),
      ])
      return [...new Set([...people(outs), ...people(made)])].slice(0, limit)
    },
    async minutesOf(openids) {
      const out = new Map(openids.map((o) => [o, 0]))
      if (openids.length === 0) return out
      const $ = db.command.aggregate
      const sum = { _id: '$openid', minutes: $.sum('$minutes') }
      const [scanned, made] = await Promise.all([
        listOf<{ _id: string; minutes: number }>(
          col
            .aggregate()
            .match({ openid: _.in(openids), mode: 'out' })
            .group(sum)
            .limit(openids.length),
        ),
        listOf<{ _id: string; minutes: number }>(
          makeups
            .aggregate()
            .match({ openid: _.in(openids), declined: null })
            .group(sum)
            .limit(openids.length),
        ),
      ])
      for (const r of [...scanned, ...made]) out.set(r._id, (out.get(r._id) ?? 0) + r.minutes)
      return out
    },
    async addMakeup(doc) {
      const res = (await makeups.add({ data: { ...doc, at: serverNow() } })) as { _id: string }
      return res._id
    },
    async getMakeup(id) {
      const [row] = await rowsOf<MakeupDoc>(makeups.where({ _id: id }).limit(1))
      return row ?? null
    },
    async declineMakeup(id, by, reason) {
      const res = (await makeups
        .where({ _id: id, declined: null })
        .update({ data: { declined: { by, at: serverNow(), reason } } })) as { stats: { updated: number } }
      return res.stats.updated === 1
    },
    makeupsOf: (activityId, limit) => rowsOf<MakeupDoc>(makeups.where({ activityId }).limit(limit)),
    makeupsOfPerson: (openid, activityIds) =>
      activityIds.length
        ? rowsOf<MakeupDoc>(makeups.where({ openid, activityId: _.in(activityIds) }).limit(1000))
        : Promise.resolve([]),
  }
}
