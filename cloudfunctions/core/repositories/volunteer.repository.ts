import type { Scope } from '../auth'
import { _, isDuplicateKey, listOf, rowsOf, serverNow, type Db } from '../db'
import { AppError } from '../errors'
import type { RoleGrant, TeamRef } from '../../../types/api'
import type { Activation, MessageDoc, RoleDoc, VolunteerDoc } from '../models'
import { UNCLAIMED } from '../volunteer'

export type NewVolunteer = Omit<VolunteerDoc, '_id' | 'submittedAt' | 'consentAt'>
export type VolunteerPatch = Partial<Omit<VolunteerDoc, '_id' | 'submittedAt' | 'consentAt'>>

/**
 * The memberOf a caller read (undefined on records from before it). A transition that moves member
 * counters from it (membership.repository.ts) requires it unchanged, so a membership accepted in
 * between is never left counted, nor one counted twice.
 */
export interface AsRead {
  memberOf: string[] | undefined
}

export interface QueueCursor {
  submittedAt: Date
  id: string
}

/** A person's record with what 我的 shows beside it, read in one request. */
export interface Mine {
  volunteer: VolunteerDoc
  /** Their role grants, as stored: whether they hold is decided by auth.ts rolesHeld. */
  grants: RoleGrant[]
  /** Their newest notices, when asked for. */
  messages: MessageDoc[]
}

export interface VolunteerRepository {
  findByOpenid(openid: string): Promise<VolunteerDoc | null>
  /**
   * The caller's record and role grants in one request; with `notices` > 0 also their newest
   * notices, joined from all of the person's messages (for actions a person takes once, such as
   * activation: 我的 itself reads a page of notices on the index instead).
   */
  mine(openid: string, notices: number): Promise<Mine | null>
  findById(id: string): Promise<VolunteerDoc | null>
  findByIds(ids: string[]): Promise<VolunteerDoc[]>
  findByOpenids(openids: string[]): Promise<VolunteerDoc[]>
  findByIdNumberHashes(hashes: string[]): Promise<VolunteerDoc[]>
  /** The people `openid` registered for them (代为注册), by the `proxy_by` index. */
  registeredBy(openid: string, limit: number): Promise<VolunteerDoc[]>
  /** Inserts records registered by a team (集体注册) in one request. */
  insertMany(docs: Omit<VolunteerDoc, '_id'>[]): Promise<void>
  /** Inserts a submitted registration; a taken openid or ID number is refused by the unique indexes. */
  insert(doc: NewVolunteer): Promise<string>
  /**
   * The state transitions. Each is a compare-and-set on the state it leaves (and, where named, the
   * revision or code it expects), so of two callers acting at once exactly one succeeds; each
   * returns whether this call changed the record.
   */
  /** 退出 → 待审核 again: the returning volunteer's new registration, on the same record. */
  reRegister(id: string, fields: VolunteerPatch): Promise<boolean>
  /**
   * The owner's edit. Every edit bumps the revision, so an approval of what a reviewer saw before
   * it fails. `resubmit` stamps a new submission time (back to review after a decision).
   */
  edit(
    id: string,
    expect: VolunteerDoc['status'],
    patch: VolunteerPatch,
    resubmit: boolean,
    asRead?: AsRead,
  ): Promise<boolean>
  /**
   * 待审核 → 待激活 for each of `ids` still at the revision the reviewer saw, in one conditional
   * update; answers how many changed (which: those now carrying `activation`, a batch's codes).
   */
  approveMany(ids: string[], revision: number, activation: Activation, by: string): Promise<number>
  /** 待审核 → 未通过, only at the revision the reviewer saw. */
  reject(id: string, revision: number, reason: string, by: string): Promise<boolean>
  /** A new code replaces `oldHash`; the old one stops working the moment the new one is stored. */
  reissue(id: string, oldHash: string, activation: Activation): Promise<boolean>
  /**
   * New codes (a batch's, `activation`) for each of `ids` still 待激活 and unclaimed, in one
   * conditional update; answers how many changed (which: those now carrying `activation`).
   */
  reissueUnclaimed(ids: string[], activation: Activation): Promise<number>
  /**
   * Counts one wrong answer to the code `codeHash`, only while below `max`: ten simultaneous wrong
   * codes count `max` between them, never more, and the others are answered as locked.
   */
  countWrongCode(id: string, codeHash: string, max: number): Promise<boolean>
  /**
   * 待激活 → 已激活 for `openid`, while the record still has owner `owner` and code `codeHash`
   * and, where `failuresBelow` is given, fewer wrong answers than that (a right code that arrives
   * after the lock is refused like any other).
   */
  activate(
    id: string,
    expect: { owner: string; codeHash: string; failuresBelow?: number },
    openid: string,
    memberOf: string[],
  ): Promise<boolean>
  /** A team's invitations (集体注册 of people registered elsewhere), one request; inviting again refreshes them. */
  invite(ids: string[], team: TeamRef, teamPath: string[], by: string): Promise<void>
  /** The invitation becomes membership of an active volunteer: `paths` join memberOf, still as read. */
  acceptInvitation(id: string, teamId: string, paths: string[], asRead: AsRead): Promise<boolean>
  declineInvitation(id: string, teamId: string): Promise<boolean>
  /**
   * 作废: a false registration ends as 已退出 and releases its ID number (the hash is replaced by
   * one no number can produce), so its rightful person can register.
   */
  voidRecord(id: string, expect: VolunteerDoc['status'], by: string, reason: string, asRead?: AsRead): Promise<boolean>
  /** Any state but 已退出 → 已退出. */
  leave(id: string, expect: VolunteerDoc['status'], asRead?: AsRead): Promise<boolean>
  /**
   * Moves the 服务时长 counters by `minutes` per openid (negative for a declined 补录), with the
   * records that earn them: one request per distinct amount, never one per person.
   */
  addServiceMinutes(minutes: Map<string, number>): Promise<void>
  /** Sets a person's 服务时长 counter, only if it still holds the value read before the records were summed. */
  repairServiceMinutes(openid: string, from: number, to: number): Promise<boolean>
  /**
   * Up to `limit` activated records from before memberOf (id and primary path), read on
   * member_of_activated: none once every record has memberOf.
   */
  lackingMemberOf(limit: number): Promise<{ id: string; teamPath: string[] }[]>
  /**
   * Gives `memberOf` to those of `ids` still activated and still without it, in one conditional
   * update; answers how many it filled.
   */
  fillMemberOf(ids: string[], memberOf: string[]): Promise<number>
  /** A page of the records in `status` (待审核 queue, 待激活 list) in the scope, oldest submission first. */
  inStateInScope(
    status: 'pending' | 'approved',
    scope: Scope,
    after: QueueCursor | null,
    limit: number,
  ): Promise<VolunteerDoc[]>
}

/** What activation writes, besides the server's time. */
const activated = (openid: string, memberOf: string[]) =>
  ({ status: 'active', activation: null, openid, memberOf }) as const

/** The record as `activate` leaves it, for answering from the write instead of reading it again. */
export const asActivated = (v: VolunteerDoc, openid: string, memberOf: string[], at: Date): VolunteerDoc => ({
  ...v,
  ...activated(openid, memberOf),
  activatedAt: at,
})

/** The ID number or the WeChat account is already registered (two unique indexes). */
export class DuplicateRegistration extends Error {}

type Updated = { stats: { updated: number } }

/** `ids` in pages of at most `n` (none for none). */
const chunks = <T>(ids: T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(ids.length / n) }, (_unused, i) => ids.slice(i * n, i * n + n))

/** The most rows one get() answers. */
const MAX_GET = 1000

/** Records written before revisions existed count as revision 0. */
const atRevision = (revision: number) => (revision === 0 ? _.in([0, null]) : revision)

/** The condition that memberOf is still as read (exact array, order included: writes only append). */
const unchanged = (asRead?: AsRead) =>
  asRead ? { memberOf: asRead.memberOf === undefined ? _.exists(false) : _.eq(asRead.memberOf) } : {}

export function volunteerRepository(db: Db): VolunteerRepository {
  const col = db.collection('volunteers')
  /** The one conditional update behind every transition: true when this call changed the record. */
  async function cas(where: Record<string, unknown>, data: Record<string, unknown>): Promise<boolean> {
    try {
      const res = (await col.where(where).update({ data })) as { stats: { updated: number } }
      return res.stats.updated === 1
    } catch (e) {
      if (isDuplicateKey(e)) throw new DuplicateRegistration()
      throw e
    }
  }
  return {
    async findByOpenid(openid) {
      const [row] = await rowsOf<VolunteerDoc>(col.where({ openid }).limit(1))
      return row ?? null
    },
    async mine(openid, notices) {
      let pipeline = col
        .aggregate()
        .match({ openid })
        .limit(1)
        .lookup({ from: 'roles', localField: 'openid', foreignField: 'openid', as: 'grants' })
      if (notices > 0)
        pipeline = pipeline.lookup({ from: 'messages', localField: 'openid', foreignField: 'openid', as: 'messages' })
      const [row] = await listOf<VolunteerDoc & { grants: RoleDoc[]; messages?: MessageDoc[] }>(pipeline)
      if (!row) return null
      const { grants, messages = [], ...volunteer } = row
      const newest = messages
        .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())
        .slice(0, notices)
      return { volunteer, grants: grants.map((g) => ({ role: g.role, team: g.team })), messages: newest }
    },
    async findById(id) {
      const [row] = await rowsOf<VolunteerDoc>(col.where({ _id: id }).limit(1))
      return row ?? null
    },
    async findByIds(ids) {
      // A get() answers at most 1000 rows: more ids are asked in pages, side by side.
      const pages = chunks(ids, MAX_GET)
      return (
        await Promise.all(pages.map((p) => rowsOf<VolunteerDoc>(col.where({ _id: _.in(p) }).limit(p.length))))
      ).flat()
    },
    async findByOpenids(openids) {
      return openids.length ? rowsOf<VolunteerDoc>(col.where({ openid: _.in(openids) }).limit(openids.length)) : []
    },
    async registeredBy(openid, limit) {
      return rowsOf<VolunteerDoc>(col.where({ 'proxy.by': openid }).limit(limit))
    },
    async findByIdNumberHashes(hashes) {
      // A get() answers at most 1000 rows. A roster looks each person up by two hashes (current and
      // legacy) and a person has one record, so a page of 2000 hashes normally fits; a full answer
      // may have been cut short, and its page is asked again in halves.
      const lookup = async (page: string[]): Promise<VolunteerDoc[]> => {
        if (page.length === 0) return []
        const rows = await rowsOf<VolunteerDoc>(col.where({ idNumberHash: _.in(page) }).limit(MAX_GET))
        if (rows.length < MAX_GET || page.length <= MAX_GET) return rows
        const half = Math.ceil(page.length / 2)
        return (await Promise.all([lookup(page.slice(0, half)), lookup(page.slice(half))])).flat()
      }
      const pages: string[][] = []
      for (let i = 0; i < hashes.length; i += 2 * MAX_GET) pages.push(hashes.slice(i, i + 2 * MAX_GET))
      return (await Promise.all(pages.map(lookup))).flat()
    },
    async insertMany(docs) {
      if (docs.length === 0) return
      try {
        await col.add({ data: docs as unknown as Record<string, unknown> })
      } catch (e) {
        if (isDuplicateKey(e)) throw new DuplicateRegistration()
        throw e
      }
    },
    async insert(doc) {
      try {
        const res = (await col.add({ data: { ...doc, submittedAt: serverNow(), consentAt: serverNow() } })) as {
          _id: string
        }
        return res._id
      } catch (e) {
        if (isDuplicateKey(e)) throw new DuplicateRegistration()
        throw e
      }
    },
    async reRegister(id, fields) {
      return cas({ _id: id, status: 'left' }, { ...fields, revision: _.inc(1), submittedAt: serverNow() })
    },
    async edit(id, expect, patch, resubmit, asRead) {
      const data: Record<string, unknown> = { ...patch, revision: _.inc(1) }
      if (resubmit) data.submittedAt = serverNow()
      return cas({ _id: id, status: expect, ...unchanged(asRead) }, data)
    },
    async approveMany(ids, revision, activation, by) {
      // _.set: the code replaces the field whole (an update would merge into what is there).
      const data = { status: 'approved', activation: _.set(activation), rejectReason: null, reviewedBy: by }
      const where = { _id: _.in(ids), status: 'pending', revision: atRevision(revision) }
      const res = (await col.where(where).update({ data: { ...data, reviewedAt: serverNow() } })) as Updated
      return res.stats.updated
    },
    async reject(id, revision, reason, by) {
      const data = { status: 'rejected', rejectReason: reason, reviewedBy: by, reviewedAt: serverNow() }
      return cas({ _id: id, status: 'pending', revision: atRevision(revision) }, data)
    },
    async reissue(id, oldHash, activation) {
      return cas({ _id: id, status: 'approved', 'activation.codeHash': oldHash }, { activation })
    },
    async reissueUnclaimed(ids, activation) {
      // Still 待激活 under its placeholder: a claim that landed first keeps its person's activation.
      const counts = await Promise.all(
        chunks(ids, MAX_GET).map(async (page) => {
          const where = { _id: _.in(page), status: 'approved', openid: db.RegExp({ regexp: `^${UNCLAIMED}` }) }
          const res = (await col.where(where).update({ data: { activation: _.set(activation) } })) as Updated
          return res.stats.updated
        }),
      )
      return counts.reduce((a, b) => a + b, 0)
    },
    async countWrongCode(id, codeHash, max) {
      const where = { _id: id, status: 'approved', 'activation.codeHash': codeHash, 'activation.failures': _.lt(max) }
      return cas(where, { 'activation.failures': _.inc(1) })
    },
    async activate(id, expect, openid, memberOf) {
      const where: Record<string, unknown> = {
        _id: id,
        status: 'approved',
        openid: expect.owner,
        'activation.codeHash': expect.codeHash,
      }
      if (expect.failuresBelow !== undefined) where['activation.failures'] = _.lt(expect.failuresBelow)
      return cas(where, { ...activated(openid, memberOf), activatedAt: serverNow() })
    },
    async invite(ids, team, teamPath, by) {
      // Nested fields are written one path each, so a second invitation never replaces the first.
      const key = `invitations.${team.id}`
      const data = { [key]: { team, teamPath, by, at: serverNow() } }
      await Promise.all(chunks(ids, MAX_GET).map((page) => col.where({ _id: _.in(page) }).update({ data })))
    },
    async acceptInvitation(id, teamId, paths, asRead) {
      const key = `invitations.${teamId}`
      return cas(
        { _id: id, status: 'active', [key]: _.exists(true), ...unchanged(asRead) },
        { [key]: _.remove(), memberOf: _.addToSet({ $each: paths }) },
      )
    },
    async declineInvitation(id, teamId) {
      const key = `invitations.${teamId}`
      return cas({ _id: id, [key]: _.exists(true) }, { [key]: _.remove() })
    },
    async voidRecord(id, expect, by, reason, asRead) {
      const data = {
        status: 'left',
        activation: null,
        idNumberHash: `void:${id}`,
        voided: { by, reason, at: serverNow() },
        leftAt: serverNow(),
      }
      return cas({ _id: id, status: expect, ...unchanged(asRead) }, data)
    },
    async leave(id, expect, asRead) {
      return cas(
        { _id: id, status: expect, ...unchanged(asRead) },
        { status: 'left', activation: null, leftAt: serverNow() },
      )
    },
    async addServiceMinutes(minutes) {
      const byAmount = new Map<number, string[]>()
      for (const [openid, m] of minutes) if (m) byAmount.set(m, [...(byAmount.get(m) ?? []), openid])
      await Promise.all(
        [...byAmount].map(([m, openids]) =>
          col.where({ openid: _.in(openids) }).update({ data: { serviceMinutes: _.inc(m) } }),
        ),
      )
    },
    async repairServiceMinutes(openid, from, to) {
      const res = (await col
        .where({ openid, serviceMinutes: from })
        .update({ data: { serviceMinutes: to } })) as Updated
      return res.stats.updated === 1
    },
    async lackingMemberOf(limit) {
      // `memberOf: null` finds a missing field (never an emptied []), on the index's first key.
      const rows = await rowsOf<VolunteerDoc>(
        col.where({ memberOf: null, status: 'active' }).field({ teamPath: true }).limit(limit),
      )
      return rows.map((v) => ({ id: v._id, teamPath: v.teamPath }))
    },
    async fillMemberOf(ids, memberOf) {
      // By id (each record examined once), and only while still activated and still without memberOf:
      // an invitation accepted or a 退出 since the read wrote its own, which a fill must never overwrite.
      // The primary path cannot have changed meanwhile: changing team sends a record back to review.
      const r = (await col
        .where({ _id: _.in(ids), memberOf: null, status: 'active' })
        .update({ data: { memberOf: _.set(memberOf) } })) as Updated
      return r.stats.updated
    },
    async inStateInScope(status, scope, after, limit) {
      const base = scope === 'all' ? { status } : { status, teamPath: _.in(scope) }
      // Oldest first, keyset paging on (submittedAt, _id).
      const query = after
        ? _.and([
            base,
            _.or([{ submittedAt: _.gt(after.submittedAt) }, { submittedAt: after.submittedAt, _id: _.gt(after.id) }]),
          ])
        : base
      return rowsOf<VolunteerDoc>(col.where(query).orderBy('submittedAt', 'asc').orderBy('_id', 'asc').limit(limit))
    },
  }
}

/** One message for a taken number, whoever holds it and in whatever state. */
export const idTaken = () =>
  new AppError(
    'ID_NUMBER_TAKEN',
    '该身份证号无法使用。如果这是您本人的身份证号，请在注册页提交申诉，由管理员核实处理。',
    'idNumber',
  )
