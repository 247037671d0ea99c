import type { Scope } from '../auth'
import { _, isDuplicateKey, rowsOf, serverNow, type Db } from '../db'
import { AppError } from '../errors'
import type { TeamRef } from '../../../types/api'
import type { Activation, VolunteerDoc } from '../models'

export type NewVolunteer = Omit<VolunteerDoc, '_id' | 'submittedAt' | 'consentAt'>
export type VolunteerPatch = Partial<Omit<VolunteerDoc, '_id' | 'submittedAt' | 'consentAt'>>

export interface QueueCursor {
  submittedAt: Date
  id: string
}

export interface VolunteerRepository {
  findByOpenid(openid: string): Promise<VolunteerDoc | null>
  findById(id: string): Promise<VolunteerDoc | null>
  findByIds(ids: string[]): Promise<VolunteerDoc[]>
  findByOpenids(openids: string[]): Promise<VolunteerDoc[]>
  findByIdNumberHashes(hashes: string[]): Promise<VolunteerDoc[]>
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
  edit(id: string, expect: VolunteerDoc['status'], patch: VolunteerPatch, resubmit: boolean): Promise<boolean>
  /** 待审核 → 待激活, only at the revision the reviewer saw. */
  approve(id: string, revision: number, activation: Activation, by: string): Promise<boolean>
  /** 待审核 → 未通过, only at the revision the reviewer saw. */
  reject(id: string, revision: number, reason: string, by: string): Promise<boolean>
  /** A new code replaces `oldHash`; the old one stops working the moment the new one is stored. */
  reissue(id: string, oldHash: string, activation: Activation): Promise<boolean>
  /**
   * Reserves one attempt at the code `codeHash`, counted only while below `max`: ten simultaneous
   * wrong codes get `max` reservations between them, never more.
   */
  reserveAttempt(id: string, codeHash: string, max: number): Promise<boolean>
  /** 待激活 → 已激活 for `openid`, while the record still has owner `owner` and code `codeHash`. */
  activate(
    id: string,
    expect: { owner: string; codeHash: string },
    openid: string,
    memberOf: string[],
  ): Promise<boolean>
  /** A team's invitation (集体注册 of someone registered elsewhere); inviting again refreshes it. */
  invite(id: string, team: TeamRef, teamPath: string[], by: string): Promise<void>
  /** The invitation becomes membership of an active volunteer: `paths` join memberOf. */
  acceptInvitation(id: string, teamId: string, paths: string[]): Promise<boolean>
  declineInvitation(id: string, teamId: string): Promise<boolean>
  /**
   * 作废: a false registration ends as 已退出 and releases its ID number (the hash is replaced by
   * one no number can produce), so its rightful person can register.
   */
  voidRecord(id: string, expect: VolunteerDoc['status'], by: string, reason: string): Promise<boolean>
  /** Any state but 已退出 → 已退出. */
  leave(id: string, expect: VolunteerDoc['status']): Promise<boolean>
  /**
   * Moves the 服务时长 counters by `minutes` per openid (negative for a declined 补录), with the
   * records that earn them: one request per distinct amount, never one per person.
   */
  addServiceMinutes(minutes: Map<string, number>): Promise<void>
  /** A page of the records in `status` (待审核 queue, 待激活 list) in the scope, oldest submission first. */
  inStateInScope(
    status: 'pending' | 'approved',
    scope: Scope,
    after: QueueCursor | null,
    limit: number,
  ): Promise<VolunteerDoc[]>
}

/** The ID number or the WeChat account is already registered (two unique indexes). */
export class DuplicateRegistration extends Error {}

/** The most rows one get() answers. */
const MAX_GET = 1000

/** Records written before revisions existed count as revision 0. */
const atRevision = (revision: number) => (revision === 0 ? _.in([0, null]) : revision)

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
    async findById(id) {
      const [row] = await rowsOf<VolunteerDoc>(col.where({ _id: id }).limit(1))
      return row ?? null
    },
    async findByIds(ids) {
      return ids.length ? rowsOf<VolunteerDoc>(col.where({ _id: _.in(ids) }).limit(ids.length)) : []
    },
    async findByOpenids(openids) {
      return openids.length ? rowsOf<VolunteerDoc>(col.where({ openid: _.in(openids) }).limit(openids.length)) : []
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
    async edit(id, expect, patch, resubmit) {
      const data: Record<string, unknown> = { ...patch, revision: _.inc(1) }
      if (resubmit) data.submittedAt = serverNow()
      return cas({ _id: id, status: expect }, data)
    },
    async approve(id, revision, activation, by) {
      const data = { status: 'approved', activation, rejectReason: null, reviewedBy: by, reviewedAt: serverNow() }
      return cas({ _id: id, status: 'pending', revision: atRevision(revision) }, data)
    },
    async reject(id, revision, reason, by) {
      const data = { status: 'rejected', rejectReason: reason, reviewedBy: by, reviewedAt: serverNow() }
      return cas({ _id: id, status: 'pending', revision: atRevision(revision) }, data)
    },
    async reissue(id, oldHash, activation) {
      return cas({ _id: id, status: 'approved', 'activation.codeHash': oldHash }, { activation })
    },
    async reserveAttempt(id, codeHash, max) {
      const where = { _id: id, status: 'approved', 'activation.codeHash': codeHash, 'activation.failures': _.lt(max) }
      return cas(where, { 'activation.failures': _.inc(1) })
    },
    async activate(id, expect, openid, memberOf) {
      const where = { _id: id, status: 'approved', openid: expect.owner, 'activation.codeHash': expect.codeHash }
      return cas(where, { status: 'active', activation: null, openid, memberOf, activatedAt: serverNow() })
    },
    async invite(id, team, teamPath, by) {
      // Nested fields are written one path each, so a second invitation never replaces the first.
      const key = `invitations.${team.id}`
      await col.where({ _id: id }).update({ data: { [key]: { team, teamPath, by, at: serverNow() } } })
    },
    async acceptInvitation(id, teamId, paths) {
      const key = `invitations.${teamId}`
      return cas(
        { _id: id, status: 'active', [key]: _.exists(true) },
        { [key]: _.remove(), memberOf: _.addToSet({ $each: paths }) },
      )
    },
    async declineInvitation(id, teamId) {
      const key = `invitations.${teamId}`
      return cas({ _id: id, [key]: _.exists(true) }, { [key]: _.remove() })
    },
    async voidRecord(id, expect, by, reason) {
      const data = {
        status: 'left',
        activation: null,
        idNumberHash: `void:${id}`,
        voided: { by, reason, at: serverNow() },
        leftAt: serverNow(),
      }
      return cas({ _id: id, status: expect }, data)
    },
    async leave(id, expect) {
      return cas({ _id: id, status: expect }, { status: 'left', activation: null, leftAt: serverNow() })
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
