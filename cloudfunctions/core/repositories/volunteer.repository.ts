import type { Scope } from '../auth'
import { _, isDuplicateKey, rowsOf, serverNow, type Db } from '../db'
import { AppError } from '../errors'
import type { VolunteerDoc } from '../models'

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
   * Applies `patch` only while the record is still in `status` — a compare-and-set, so of two
   * reviewers (or a reviewer and the volunteer) acting at once exactly one succeeds.
   * `resubmit` stamps a new submission time. Returns whether this call changed the record.
   */
  updateIf(
    id: string,
    status: VolunteerDoc['status'],
    patch: VolunteerPatch,
    opts?: {
      resubmit?: boolean
      reviewed?: boolean
      activated?: boolean
      left?: boolean
      also?: Record<string, unknown>
    },
  ): Promise<boolean>
  /** Counts one wrong activation code; returns nothing, the next read tells the total. */
  countFailure(id: string): Promise<void>
  pendingInScope(scope: Scope, after: QueueCursor | null, limit: number): Promise<VolunteerDoc[]>
}

/** The ID number or the WeChat account is already registered (two unique indexes). */
export class DuplicateRegistration extends Error {}

export function volunteerRepository(db: Db): VolunteerRepository {
  const col = db.collection('volunteers')
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
      return hashes.length ? rowsOf<VolunteerDoc>(col.where({ idNumberHash: _.in(hashes) }).limit(hashes.length)) : []
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
    async updateIf(id, status, patch, opts = {}) {
      const data: Record<string, unknown> = { ...patch }
      if (opts.resubmit) data.submittedAt = serverNow()
      if (opts.reviewed) data.reviewedAt = serverNow()
      if (opts.activated) data.activatedAt = serverNow()
      if (opts.left) data.leftAt = serverNow()
      try {
        const res = (await col.where({ ...opts.also, _id: id, status }).update({ data })) as {
          stats: { updated: number }
        }
        return res.stats.updated === 1
      } catch (e) {
        if (isDuplicateKey(e)) throw new DuplicateRegistration()
        throw e
      }
    },
    async countFailure(id) {
      await col.where({ _id: id, status: 'approved' }).update({ data: { 'activation.failures': _.inc(1) } })
    },
    async pendingInScope(scope, after, limit) {
      const base = scope === 'all' ? { status: 'pending' } : { status: 'pending', teamPath: _.in(scope) }
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

export const idTaken = () =>
  new AppError('ID_NUMBER_TAKEN', '该身份证号已注册。如需帮助，请联系所选队伍的管理员。', 'idNumber')
