/**
 * Reads and writes of the forms: grouped activity figures, distinct member counts, the roster in
 * join order, entered figures, filings and certificates. Every figure is grouped by the database;
 * nothing here pulls a subtree's activities or memberships into the function to count them.
 */
import type { FormKind } from '../../../types/api'
import { _, isDuplicateKey, listOf, rowsOf, serverNow, type Db } from '../db'
import type {
  ActivityDoc,
  CertificateDoc,
  CheckDoc,
  FilingDoc,
  MakeupDoc,
  MembershipDoc,
  ReportEntryDoc,
  VolunteerDoc,
} from '../models'
import { blankFigures, type TypeGroup } from '../report-rules'

export interface ActivityGroups {
  byType: TypeGroup[]
  byFocus: { _id: string; n: number }[]
  /** Per China month ("YYYY-MM") and type. */
  byMonth: { _id: { month: string; type: string }; n: number }[]
}

export interface RosterEntry {
  membershipId: string
  since: Date
  volunteer: Pick<VolunteerDoc, 'openid' | 'name' | 'gender' | 'employer' | 'position'>
}

/** What a person's 服务记录证明 is made from: their checks, their 补录 and the activities of either. */
export interface ServiceRecords {
  checks: Pick<CheckDoc, 'activityId' | 'mode' | 'minutes'>[]
  makeups: Pick<MakeupDoc, 'activityId' | 'minutes' | 'declined'>[]
  activities: Pick<ActivityDoc, '_id' | 'title' | 'startAt' | 'team' | 'teamPath'>[]
}

export interface ReportRepository {
  /** Published activities of the subtree starting in [from, to), grouped by type, focus and month: one request. */
  activityGroups(teamId: string, from: Date, to: Date, withMonths: boolean): Promise<ActivityGroups>
  /** Counted activities with a non-blank write-up, latest first. */
  highlightCandidates(teamId: string, from: Date, to: Date, limit: number): Promise<ActivityDoc[]>
  activitiesByIds(ids: string[]): Promise<ActivityDoc[]>
  /**
   * Distinct active members of the subtree as of an instant (`rosterAsOf`: memberships that began
   * before it), grouped by person from the memberships: one request. Members as of now are the
   * team's counter (report-rules `unitMembers`), which costs no request.
   */
  membersAsOf(teamId: string, asOf: Date): Promise<number>
  /**
   * Distinct activated people counting in any of `teamIds` (core/team.ts `countedIn`), for what the
   * counters of several teams cannot tell (report-rules `builtMembers`): one count, no rows back.
   */
  membersOfAny(teamIds: string[]): Promise<number>
  /**
   * A page of the subtree's people in the order of their first active membership in it, by
   * (since, membership id); a person appears once, at their first membership.
   */
  rosterPage(teamId: string, after: { since: Date; id: string } | null, limit: number, asOf?: Date): Promise<RosterPage>
  /**
   * For walking the whole roster (export, filing): the subtree's active memberships in join order
   * (since, _id), `limit` per request (an aggregation, which answers far more rows than `get()`);
   * `next` is null only after an empty page.
   */
  memberOrder(
    teamId: string,
    after: { since: Date; id: string } | null,
    limit: number,
    asOf?: Date,
  ): Promise<{ rows: { id: string; openid: string; since: Date }[]; next: { since: Date; id: string } | null }>
  /**
   * The roster fields of the activated volunteers whose own team is in the subtree, `limit` per
   * request in (submittedAt, _id) order: most of a roster's people without a lookup per page.
   */
  rosterPeople(
    teamId: string,
    after: { at: Date; id: string } | null,
    limit: number,
  ): Promise<{ rows: RosterEntry['volunteer'][]; next: { at: Date; id: string } | null }>
  /** The roster fields of these people (at most 1000 per call). */
  peopleByOpenids(openids: string[]): Promise<RosterEntry['volunteer'][]>
  entry(teamId: string, periodId: string): Promise<ReportEntryDoc | null>
  /** Entries of the period by the subtree's teams (one per team: far under one page). */
  entriesUnder(teamId: string, periodId: string): Promise<ReportEntryDoc[]>
  saveEntry(doc: Omit<ReportEntryDoc, '_id' | 'updatedAt'>): Promise<ReportEntryDoc>
  /**
   * Sets the entry's figures and coverage only, leaving its highlights as they are (another
   * administrator may have just chosen them); answers the entry as stored.
   */
  saveFigures(doc: Omit<ReportEntryDoc, '_id' | 'updatedAt' | 'highlightIds'>): Promise<ReportEntryDoc>
  /** Sets the entry's highlights only, creating an entry without figures when the team has none yet. */
  saveHighlights(
    doc: Omit<ReportEntryDoc, '_id' | 'updatedAt' | 'figures' | 'coverage' | 'figuresEntered'>,
  ): Promise<void>
  /** Adds filing `version` + 1; a concurrent filing of the same version is refused by the unique index and retried. */
  addFiling(doc: Omit<FilingDoc, '_id' | 'at' | 'version'>): Promise<FilingDoc>
  filingsOf(teamId: string, periodId: string, limit: number): Promise<FilingDoc[]>
  /** The latest filing of each form by each team of the subtree for the period. */
  latestFilings(
    teamId: string,
    periodId: string,
  ): Promise<{ teamId: string; form: FormKind; version: number; at: Date }[]>
  /** The forms the team has filed for the period. */
  filedForms(teamId: string, periodId: string): Promise<Set<FormKind>>
  /** A person's checks and 补录 (a few per activity: far under one page each) and their activities. */
  serviceRecords(openid: string): Promise<ServiceRecords>
  addCertificate(doc: Omit<CertificateDoc, 'issuedAt'>): Promise<CertificateDoc>
  certificate(serial: string): Promise<CertificateDoc | null>
}

export interface RosterPage {
  rows: RosterEntry[]
  /** Where the next page starts (the last membership read), null when this was the last. */
  next: { since: Date; id: string } | null
}

/** Checks of one person: a volunteer serves at a few hundred activities at most. */
const MAX_RECORDS = 1000
const MAX_VERSIONS = 100

export function reportRepository(db: Db): ReportRepository {
  const activities = db.collection('activities')
  const memberships = db.collection('memberships')
  const entries = db.collection('report_entries')
  const filings = db.collection('report_filings')
  const certificates = db.collection('certificates')
  const activeMembers = (teamId: string, asOf?: Date) =>
    asOf ? { teamPath: teamId, status: 'active', since: _.lt(asOf) } : { teamPath: teamId, status: 'active' }
  const counted = (teamId: string, from: Date, to: Date) => ({
    teamPath: teamId,
    stage: 'published',
    startAt: _.and(_.gte(from), _.lt(to)),
  })

  return {
    async activityGroups(teamId, from, to, withMonths) {
      const $ = db.command.aggregate
      // One request for types, focus tags and the sums: grouped by (type, tags) the rows are at most a
      // few dozen, whatever the number of activities; the split by type and by tag is done from them.
      const byTypeAndTags = listOf<{
        _id: { type: string; tags: string[] | null }
        n: number
        checkedIn: number
        served: number
      }>(
        activities
          .aggregate()
          .match(counted(teamId, from, to))
          .group({
            _id: { type: '$type', tags: '$focusTags' },
            n: $.sum(1),
            checkedIn: $.sum($.ifNull(['$checkedIn', 0])),
            served: $.sum($.ifNull(['$peopleServed', 0])),
          })
          .limit(1000),
      )
      const byMonth = withMonths
        ? listOf<{ _id: { month: string; type: string }; n: number }>(
            activities
              .aggregate()
              .match(counted(teamId, from, to))
              .group({
                // China months: the start shifted by UTC+8.
                _id: {
                  month: $.dateToString({ format: '%Y-%m', date: $.add(['$startAt', 8 * 3_600_000]) }),
                  type: '$type',
                },
                n: $.sum(1),
              })
              .limit(1000),
          )
        : Promise.resolve([])
      const [groups, months] = await Promise.all([byTypeAndTags, byMonth])
      const types = new Map<string, TypeGroup>()
      const focus = new Map<string, number>()
      for (const g of groups) {
        const t = types.get(g._id.type) ?? { _id: g._id.type, n: 0, checkedIn: 0, served: 0 }
        t.n += g.n
        t.checkedIn += g.checkedIn
        t.served += g.served
        types.set(g._id.type, t)
        for (const tag of new Set(g._id.tags ?? [])) focus.set(tag, (focus.get(tag) ?? 0) + g.n)
      }
      return {
        byType: [...types.values()],
        byFocus: [...focus].map(([_id, n]) => ({ _id, n })),
        byMonth: months,
      }
    },

    highlightCandidates: (teamId, from, to, limit) =>
      rowsOf<ActivityDoc>(
        activities
          .where({ ...counted(teamId, from, to), 'highlight.content': db.RegExp({ regexp: '\\S' }) })
          .orderBy('startAt', 'desc')
          .limit(limit),
      ),

    async activitiesByIds(ids) {
      return ids.length ? rowsOf<ActivityDoc>(activities.where({ _id: _.in(ids) }).limit(ids.length)) : []
    },

    async membersAsOf(teamId, asOf) {
      const $ = db.command.aggregate
      // Distinct people of the memberships: grouped by person, then counted (no rows come back).
      const [row] = await listOf<{ n: number }>(
        memberships
          .aggregate()
          .match(activeMembers(teamId, asOf))
          .group({ _id: '$openid' })
          .group({ _id: null, n: $.sum(1) })
          .limit(1),
      )
      return row?.n ?? 0
    },

    async membersOfAny(teamIds) {
      if (!teamIds.length) return 0
      // One volunteer record per person, so counting records counts people once however many of the
      // teams they are in; memberOf holds every team the person counts in (core/team.ts countedIn).
      // One narrow count on member_of_activated (memberOf, status). Records activated before memberOf
      // existed are given it by the nightly member recount (team.service.ts fillMemberOf), so none is
      // looked for here (docs/DEPLOY.md: run the recount once after upgrading).
      const { total } = (await db
        .collection('volunteers')
        .where({ memberOf: _.in(teamIds), status: 'active' })
        .count()) as { total: number }
      return total
    },

    async rosterPage(teamId, after, limit, asOf) {
      const conds: object[] = [activeMembers(teamId, asOf)]
      if (after) conds.push(_.or([{ since: _.gt(after.since) }, { since: after.since, _id: _.gt(after.id) }]))
      const page = await rowsOf<MembershipDoc>(
        memberships.where(_.and(conds)).orderBy('since', 'asc').orderBy('_id', 'asc').limit(limit),
      )
      if (page.length === 0) return { rows: [], next: null }
      const openids = [...new Set(page.map((m) => m.openid))]
      // A person seen here may have joined another team of the subtree earlier: then they were listed there.
      const [theirs, people] = await Promise.all([
        rowsOf<MembershipDoc>(
          memberships
            .where({ teamPath: teamId, status: 'active', openid: _.in(openids) })
            .field({ openid: true, since: true })
            .limit(1000),
        ),
        rowsOf<VolunteerDoc>(
          db
            .collection('volunteers')
            .where({ openid: _.in(openids) })
            .field({ openid: true, name: true, gender: true, employer: true, position: true })
            .limit(openids.length),
        ),
      ])
      const first = new Map<string, { since: number; id: string }>()
      for (const m of theirs) {
        const at = new Date(m.since).getTime()
        const seen = first.get(m.openid)
        if (!seen || at < seen.since || (at === seen.since && m._id < seen.id))
          first.set(m.openid, { since: at, id: m._id })
      }
      const byOpenid = new Map(people.map((p) => [p.openid, p]))
      const rows = page.flatMap((m) => {
        const f = first.get(m.openid)
        const v = byOpenid.get(m.openid)
        return f && f.id === m._id && v ? [{ membershipId: m._id, since: new Date(m.since), volunteer: v }] : []
      })
      const last = page[page.length - 1]
      return { rows, next: page.length < limit ? null : { since: new Date(last.since), id: last._id } }
    },

    async memberOrder(teamId, after, limit, asOf) {
      const conds: object[] = [activeMembers(teamId, asOf)]
      if (after) conds.push(_.or([{ since: _.gt(after.since) }, { since: after.since, _id: _.gt(after.id) }]))
      // On team_path_since (teamPath, status, since, _id): the sort is the index's, each row read once.
      const rows = await listOf<{ _id: string; openid: string; since: Date }>(
        memberships
          .aggregate()
          .match(_.and(conds))
          .sort({ since: 1, _id: 1 })
          .limit(limit)
          .project({ openid: 1, since: 1 }),
      )
      const last = rows[rows.length - 1]
      return {
        rows: rows.map((m) => ({ id: m._id, openid: m.openid, since: new Date(m.since) })),
        // Done only on an empty page: a service that answered fewer rows than asked must not cut the roster short.
        next: last ? { since: new Date(last.since), id: last._id } : null,
      }
    },

    async rosterPeople(teamId, after, limit) {
      const conds: object[] = [{ status: 'active', teamPath: teamId }]
      if (after) conds.push(_.or([{ submittedAt: _.gt(after.at) }, { submittedAt: after.at, _id: _.gt(after.id) }]))
      // On status_team_submitted (status, teamPath, submittedAt, _id).
      const rows = await listOf<RosterEntry['volunteer'] & { _id: string; submittedAt: Date }>(
        db
          .collection('volunteers')
          .aggregate()
          .match(_.and(conds))
          .sort({ submittedAt: 1, _id: 1 })
          .limit(limit)
          .project({ openid: 1, name: 1, gender: 1, employer: 1, position: 1, submittedAt: 1 }),
      )
      const last = rows[rows.length - 1]
      return {
        rows: rows.map(({ openid, name, gender, employer, position }) => ({
          openid,
          name,
          gender,
          employer,
          position,
        })),
        next: last ? { at: new Date(last.submittedAt), id: last._id } : null,
      }
    },

    peopleByOpenids: (openids) =>
      openids.length
        ? rowsOf<VolunteerDoc>(
            db
              .collection('volunteers')
              .where({ openid: _.in(openids) })
              .field({ openid: true, name: true, gender: true, employer: true, position: true })
              .limit(openids.length),
          )
        : Promise.resolve([]),

    async entry(teamId, periodId) {
      const [row] = await rowsOf<ReportEntryDoc>(entries.where({ _id: `${teamId}_${periodId}` }).limit(1))
      return row ?? null
    },

    entriesUnder: (teamId, periodId) =>
      rowsOf<ReportEntryDoc>(entries.where({ periodId, teamPath: teamId }).limit(1000)),

    async saveEntry(doc) {
      const _id = `${doc.teamId}_${doc.periodId}`
      // set() on the (team, period) id: saving again replaces the team's own figures, never adds a second entry.
      await entries.doc(_id).set({ data: { ...doc, updatedAt: serverNow() } })
      return { ...doc, _id, updatedAt: new Date() }
    },

    async saveFigures(doc) {
      const _id = `${doc.teamId}_${doc.periodId}`
      const { teamId: _t, periodId: _p, ...fields } = doc
      const set = () =>
        entries
          .where({ _id })
          .update({ data: { ...fields, figuresEntered: true, updatedAt: serverNow() } }) as Promise<{
          stats: { updated: number }
        }>
      // In place, so highlights saved on their own stay; no entry yet: add one without highlights.
      // Two first saves racing meet at the (team, period) id: the loser updates instead.
      if ((await set()).stats.updated !== 1) {
        try {
          await entries.add({ data: { ...doc, _id, highlightIds: [], figuresEntered: true, updatedAt: serverNow() } })
        } catch (e) {
          if (!isDuplicateKey(e)) throw e
          await set()
        }
      }
      const [stored] = await rowsOf<ReportEntryDoc>(entries.where({ _id }).limit(1))
      return { ...stored, updatedAt: new Date(stored.updatedAt) }
    },

    async saveHighlights({ highlightIds, updatedBy, ...key }) {
      const _id = `${key.teamId}_${key.periodId}`
      const set = () =>
        entries.where({ _id }).update({ data: { highlightIds, updatedBy, updatedAt: serverNow() } }) as Promise<{
          stats: { updated: number }
        }>
      // Update in place so the figures stay as entered; no entry yet: add one whose figures are blank and
      // not entered. Two first saves racing meet at the (team, period) id: the loser updates instead.
      if ((await set()).stats.updated === 1) return
      try {
        await entries.add({
          data: {
            ...key,
            _id,
            figures: blankFigures(),
            coverage: { museum: null, caravan: null },
            figuresEntered: false,
            highlightIds,
            updatedBy,
            updatedAt: serverNow(),
          },
        })
      } catch (e) {
        if (!isDuplicateKey(e)) throw e
        await set()
      }
    },

    async addFiling(doc) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const [last] = await rowsOf<FilingDoc>(
          filings
            .where({ teamId: doc.teamId, periodId: doc.periodId, form: doc.form })
            .orderBy('version', 'desc')
            .field({ version: true })
            .limit(1),
        )
        const version = (last?.version ?? 0) + 1
        const _id = `${doc.teamId}_${doc.periodId}_${doc.form}_${version}`
        try {
          // add() with a deterministic id: two filings racing for the same version cannot both land.
          await filings.add({ data: { ...doc, _id, version, at: serverNow() } })
          return { ...doc, _id, version, at: new Date() }
        } catch (e) {
          if (!isDuplicateKey(e)) throw e
        }
      }
      throw new Error('filing version kept moving')
    },

    filingsOf: (teamId, periodId, limit) =>
      rowsOf<FilingDoc>(filings.where({ teamId, periodId }).orderBy('at', 'desc').limit(Math.min(limit, MAX_VERSIONS))),

    async latestFilings(teamId, periodId) {
      const $ = db.command.aggregate
      const rows = await listOf<{ _id: { teamId: string; form: FormKind }; version: number; at: Date }>(
        filings
          .aggregate()
          .match({ periodId, teamPath: teamId })
          .group({ _id: { teamId: '$teamId', form: '$form' }, version: $.max('$version'), at: $.max('$at') })
          .limit(1000),
      )
      return rows.map((r) => ({ teamId: r._id.teamId, form: r._id.form, version: r.version, at: new Date(r.at) }))
    },

    async filedForms(teamId, periodId) {
      const $ = db.command.aggregate
      const rows = await listOf<{ _id: FormKind }>(
        filings
          .aggregate()
          .match({ teamId, periodId })
          .group({ _id: '$form', n: $.sum(1) })
          .limit(10),
      )
      return new Set(rows.map((r) => r._id))
    },

    async serviceRecords(openid) {
      const [checks, makeups] = await Promise.all([
        rowsOf<CheckDoc>(
          db
            .collection('checks')
            .where({ openid })
            .field({ activityId: true, mode: true, minutes: true })
            .limit(MAX_RECORDS),
        ),
        rowsOf<MakeupDoc>(
          db
            .collection('makeups')
            .where({ openid })
            .field({ activityId: true, minutes: true, declined: true })
            .limit(MAX_RECORDS),
        ),
      ])
      const ids = [...new Set([...checks, ...makeups].map((c) => c.activityId))]
      const acts = ids.length
        ? await rowsOf<ActivityDoc>(
            activities
              .where({ _id: _.in(ids) })
              .field({ title: true, startAt: true, team: true, teamPath: true })
              .limit(ids.length),
          )
        : []
      return { checks, makeups, activities: acts }
    },

    async addCertificate(doc) {
      await certificates.add({ data: { ...doc, issuedAt: serverNow() } })
      return { ...doc, issuedAt: new Date() }
    },

    async certificate(serial) {
      const [row] = await rowsOf<CertificateDoc>(certificates.where({ _id: serial }).limit(1))
      return row ?? null
    },
  }
}
