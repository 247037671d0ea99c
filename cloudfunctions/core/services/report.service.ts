/**
 * The forms (附件2, 附件3) for a team and a period, the figures teams enter, filing, the dashboard
 * and the volunteer's 服务记录证明. The counting rules are in report-rules.ts; this file loads what
 * they need in a fixed number of requests, whatever the size of the subtree.
 */
import crypto from 'node:crypto'
import type {
  Certificate,
  CertificateCheck,
  CertificateRow,
  CoverageAnswers,
  Dashboard,
  EnteredFigures,
  FilingItem,
  FilingStatus,
  FormKind,
  HighlightItem,
  ReportEntry,
  RosterPreview,
  RosterRow,
  StatisticsForm,
  TeamRef,
} from '../../../types/api'
import { ActivityType } from '../../../types/enums'
import { maskName } from '../activity'
import { adminScope, assertInScope } from '../auth'
import type { Caller } from '../context'
import { AppError, notFound } from '../errors'
import type { ActivityDoc, CertificateDoc, FilingDoc, PeriodDoc, TeamDoc } from '../models'
import { describeRule, toHours } from '../hours'
import { deadlineRows, periodRange } from '../period'
import { piiKey } from '../pii'
import type { PeriodRepository } from '../repositories/period.repository'
import type { RecordRepository } from '../repositories/record.repository'
import type { ReportRepository, RosterEntry, ServiceRecords } from '../repositories/report.repository'
import type { TeamRepository } from '../repositories/team.repository'
import type { VolunteerRepository } from '../repositories/volunteer.repository'
import {
  activityFigures,
  blankFigures,
  builtMembers,
  builtTeams,
  dueDate,
  rollUp,
  rosterAsOf,
  subtreeOf,
  unitMembers,
} from '../report-rules'
import { chinaDay } from '../time'
import { flatten } from './team.service'

export interface ReportDeps {
  teams: TeamRepository
  periods: PeriodRepository
  reports: ReportRepository
  records: RecordRepository
  volunteers: VolunteerRepository
  /** Stores a filed roster's rows (JSON) in cloud storage; returns its fileID. */
  store(cloudPath: string, content: Buffer): Promise<string>
}

const ROSTER_PAGE = 20
/**
 * Rows per request when the whole roster is walked (filing, export): an aggregation answers up to
 * 10,000 rows where `get()` stops at 1,000 (rows of a few short fields: about 1.5 MB). The walk ends
 * on an empty page, so a service answering fewer rows costs requests, never rows.
 */
export const ROSTER_CHUNK = 10_000
/** People looked up by openid per request (a `get()`, at most 1,000). */
const LOOKUP_CHUNK = 1000
const CANDIDATES = 50

/**
 * A person's service per activity, oldest first: scanned minutes (check-outs, by the hours rule) and
 * active 补录 apart; activities with nothing to certify are left out.
 */
export function serviceRows(r: ServiceRecords) {
  return r.activities
    .map((a) => ({
      activityId: a._id,
      title: a.title,
      team: a.team,
      teamPath: a.teamPath,
      startAt: new Date(a.startAt),
      date: chinaDay(new Date(a.startAt)),
      scanned: r.checks
        .filter((c) => c.activityId === a._id && c.mode === 'out')
        .reduce((n, c) => n + (c.minutes ?? 0), 0),
      makeup: r.makeups.filter((m) => m.activityId === a._id && !m.declined).reduce((n, m) => n + m.minutes, 0),
    }))
    .filter((x) => x.scanned + x.makeup > 0)
    .sort((x, y) => +x.startAt - +y.startAt || x.activityId.localeCompare(y.activityId))
}

const ref = (t: TeamDoc): TeamRef => ({ id: t._id, name: t.name, kind: t.kind })

function encodeRosterCursor(c: { since: Date; id: string; no: number }): string {
  return Buffer.from(JSON.stringify([c.since.getTime(), c.id, c.no])).toString('base64url')
}
function decodeRosterCursor(s: string): { since: Date; id: string; no: number } {
  try {
    const [t, id, no] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'))
    if (Number.isFinite(t) && typeof id === 'string' && Number.isInteger(no) && no >= 0)
      return { since: new Date(t), id, no }
  } catch {
    // refused below
  }
  throw new AppError('INVALID_INPUT', '分页参数无效，请刷新后重试', 'cursor')
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
function base32(bytes: Buffer): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const b of bytes) {
    value = (value << 8) | b
    bits += 8
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  return out
}

/** The verification code: a keyed hash of everything the certificate states, 8 characters. */
export function certificateCode(c: Omit<CertificateDoc, 'issuedAt'>): string {
  const key = crypto.createHmac('sha256', piiKey()).update('certificate-code-v1').digest()
  const content = JSON.stringify([
    c._id,
    c.openid,
    c.name,
    c.gender,
    c.issuer.id,
    c.issuer.name,
    c.issuedOn,
    c.totalScannedMinutes,
    c.totalMakeupMinutes,
    c.rows.map((r) => [r.activityId, r.title, r.date, r.scannedHours, r.makeupHours]),
  ])
  return base32(crypto.createHmac('sha256', key).update(content).digest().subarray(0, 5))
}

function highlightItem(a: ActivityDoc): HighlightItem {
  return {
    activityId: a._id,
    title: a.title,
    team: a.team,
    startAt: new Date(a.startAt).toISOString(),
    address: a.address,
    checkedIn: a.checkedIn ?? 0,
    peopleServed: a.peopleServed ?? null,
    content: a.highlight?.content ?? '',
    effect: a.highlight?.effect ?? '',
  }
}

/** A counted activity of the unit's period with a write-up: what may be chosen as 亮点. */
function eligible(a: ActivityDoc, unitId: string, from: Date, to: Date): boolean {
  const start = new Date(a.startAt)
  return (
    a.stage === 'published' &&
    a.teamPath.includes(unitId) &&
    start >= from &&
    start < to &&
    /\S/.test(a.highlight?.content ?? '')
  )
}

export function reportService(deps: ReportDeps) {
  const { teams, periods, reports, records, volunteers } = deps

  /** The team, checked to be in the caller's administration, with its subtree (`all`; one request a thousand teams). */
  async function unitInScope(caller: Caller, teamId: string): Promise<{ unit: TeamDoc; all: TeamDoc[] }> {
    const [scope, all] = await Promise.all([adminScope(caller), teams.subtree(teamId)])
    const unit = all.find((t) => t._id === teamId)
    if (!unit) throw notFound('该队伍')
    assertInScope(scope, unit.path)
    return { unit, all }
  }

  async function period(periodId: string): Promise<PeriodDoc> {
    const p = await periods.get(periodId)
    if (!p) throw notFound('该报送周期')
    return p
  }

  async function scoped(caller: Caller, teamId: string, periodId: string) {
    const [{ unit, all }, p] = await Promise.all([unitInScope(caller, teamId), period(periodId)])
    return { unit, all, period: p }
  }

  async function statisticsOf(unit: TeamDoc, all: TeamDoc[], p: PeriodDoc, now: Date): Promise<StatisticsForm> {
    const [from, to] = periodRange(p)
    const subtree = subtreeOf(all, unit._id)
    const built = builtTeams(subtree)
    // Members from the counters; the built teams' people too, unless several counties must be told apart.
    const people = builtMembers(built)
    const [groups, builtPeople, entries] = await Promise.all([
      reports.activityGroups(unit._id, from, to, false),
      'count' in people ? Promise.resolve(people.count) : reports.membersOfAny(people.distinctOver),
      reports.entriesUnder(unit._id, p._id),
    ])
    const own = entries.find((e) => e.teamId === unit._id)
    const chosen = own?.highlightIds.length ? await reports.activitiesByIds(own.highlightIds) : []
    const highlights = (own?.highlightIds ?? []).flatMap((id) => {
      const a = chosen.find((x) => x._id === id)
      return a && eligible(a, unit._id, from, to) ? [highlightItem(a)] : []
    })
    const figures = activityFigures(groups.byType, groups.byFocus)
    const rolled = rollUp(unit, subtree, entries, p)
    return {
      unit: ref(unit),
      period: { id: p._id, name: p.name, start: p.start, end: p.end },
      date: chinaDay(now),
      teams: { members: unitMembers(unit), built: built.length, builtMembers: builtPeople },
      activities: {
        sinceYear: Number(p.start.slice(0, 4)),
        sinceMonth: Number(p.start.slice(5, 7)),
        ...figures,
      },
      highlights,
      figures: rolled.figures,
      coverage: rolled.coverage,
      perPerson: rolled.perPerson,
      notEntered: rolled.notEntered,
      due: dueDate(p, 'statistics', unit.kind),
    }
  }

  /** Walks the roster from `after` until `limit` rows (or the end), a chunk per request round. */
  async function rosterRows(
    unitId: string,
    after: { since: Date; id: string } | null,
    limit: number,
    chunk: number,
    asOf?: Date,
  ) {
    const rows: { since: Date; id: string; row: Omit<RosterRow, 'no'> }[] = []
    let cursor = after
    let more = true
    while (rows.length < limit && more) {
      const page = await reports.rosterPage(unitId, cursor, chunk, asOf)
      for (const r of page.rows) {
        rows.push({
          since: r.since,
          id: r.membershipId,
          row: {
            name: r.volunteer.name,
            gender: r.volunteer.gender,
            employer: r.volunteer.employer ?? '',
            position: r.volunteer.position ?? '',
          },
        })
      }
      cursor = page.next
      more = page.next !== null
    }
    return { rows, cursor, more }
  }

  /**
   * Every roster row of the unit, page by page, for an export or a filing: `onPage` receives each
   * page as soon as it is read, so a large roster is written out while it streams in. The people of
   * the unit's own teams are read first (ROSTER_CHUNK per request, about 20 bytes a row kept in
   * memory), then the memberships in join order; only people whose own team is elsewhere (a county
   * member who also joined a society, listed under the society) are looked up per page.
   */
  async function eachRosterPage(
    unitId: string,
    onPage: (rows: RosterRow[]) => void | Promise<void>,
    asOf?: Date,
    chunk = ROSTER_CHUNK,
  ): Promise<number> {
    const people = new Map<string, RosterEntry['volunteer']>()
    let at: { at: Date; id: string } | null = null
    do {
      const page = await reports.rosterPeople(unitId, at, chunk)
      for (const p of page.rows) people.set(p.openid, p)
      at = page.next
    } while (at)
    let no = 0
    let cursor: { since: Date; id: string } | null = null
    const seen = new Set<string>()
    do {
      const page = await reports.memberOrder(unitId, cursor, chunk, asOf)
      // A person is listed once, at their first membership in the subtree.
      const firsts = page.rows.filter((m) => !seen.has(m.openid) && seen.add(m.openid))
      const missing = firsts.filter((m) => !people.has(m.openid)).map((m) => m.openid)
      for (let i = 0; i < missing.length; i += LOOKUP_CHUNK)
        for (const p of await reports.peopleByOpenids(missing.slice(i, i + LOOKUP_CHUNK))) people.set(p.openid, p)
      const rows = firsts.flatMap((m): RosterRow[] => {
        const v = people.get(m.openid)
        return v
          ? [{ no: ++no, name: v.name, gender: v.gender, employer: v.employer ?? '', position: v.position ?? '' }]
          : []
      })
      if (rows.length) await onPage(rows)
      cursor = page.next
    } while (cursor)
    return no
  }

  function filingItem(f: FilingDoc): FilingItem {
    return {
      id: f._id,
      form: f.form,
      team: f.team,
      periodId: f.periodId,
      version: f.version,
      by: f.by,
      at: new Date(f.at).toISOString(),
      rows: f.rows,
      statistics: f.statistics,
    }
  }

  async function entryView(unit: TeamDoc, periodId: string) {
    const e = await reports.entry(unit._id, periodId)
    const entry: ReportEntry = {
      teamId: unit._id,
      periodId,
      figures: e?.figures ?? blankFigures(),
      coverage: e?.coverage ?? { museum: null, caravan: null },
      highlightIds: e?.highlightIds ?? [],
      updatedAt: e ? new Date(e.updatedAt).toISOString() : null,
    }
    return entry
  }

  /** The chosen highlights, each once, checked to be counted write-ups of the unit's subtree and period. */
  async function eligibleHighlights(unit: TeamDoc, p: PeriodDoc, chosen: string[]): Promise<string[]> {
    const ids = [...new Set(chosen)]
    if (!ids.length) return ids
    const [from, to] = periodRange(p)
    const found = await reports.activitiesByIds(ids)
    const bad = ids.find((id) => !found.some((a) => a._id === id && eligible(a, unit._id, from, to)))
    if (bad)
      throw new AppError(
        'HIGHLIGHT_NOT_ELIGIBLE',
        '亮点活动须为本队伍（含下级）本周期已开展、填写了服务内容的活动',
        'highlightIds',
      )
    return ids
  }

  return {
    unitInScope,
    period,
    statisticsOf,
    eachRosterPage,

    async roster(
      caller: Caller,
      data: { teamId: string; periodId?: string; cursor?: string; limit?: number },
    ): Promise<RosterPreview> {
      const [{ unit }, p] = await Promise.all([
        unitInScope(caller, data.teamId),
        data.periodId ? period(data.periodId) : Promise.resolve(null),
      ])
      const asOf = p ? rosterAsOf(p) : undefined
      const limit = data.limit ?? ROSTER_PAGE
      const start = data.cursor ? decodeRosterCursor(data.cursor) : null
      const [members, walked] = await Promise.all([
        asOf ? reports.membersAsOf(unit._id, asOf) : Promise.resolve(unitMembers(unit)),
        rosterRows(unit._id, start, limit, limit, asOf),
      ])
      const rows = walked.rows.slice(0, limit)
      const first = start?.no ?? 0
      const last = rows[rows.length - 1]
      // Rows read beyond the page are read again next time: the cursor stops after the last row shown.
      const hasMore = walked.rows.length > limit || walked.more
      return {
        unit: ref(unit),
        date: chinaDay(caller.now()),
        total: members,
        asOf: p ? p.end : null,
        page: {
          items: rows.map((r, i) => ({ ...r.row, no: first + i + 1, name: maskName(r.row.name) })),
          nextCursor:
            hasMore && last ? encodeRosterCursor({ since: last.since, id: last.id, no: first + rows.length }) : null,
        },
      }
    },

    async statistics(caller: Caller, data: { teamId: string; periodId: string }): Promise<StatisticsForm> {
      const { unit, all, period: p } = await scoped(caller, data.teamId, data.periodId)
      return statisticsOf(unit, all, p, caller.now())
    },

    async entry(caller: Caller, data: { teamId: string; periodId: string }) {
      const { unit, period: p } = await scoped(caller, data.teamId, data.periodId)
      const [from, to] = periodRange(p)
      const [entry, candidates] = await Promise.all([
        entryView(unit, p._id),
        reports.highlightCandidates(unit._id, from, to, CANDIDATES),
      ])
      return { entry, candidates: candidates.map(highlightItem), teamKind: unit.kind }
    },

    async saveEntry(
      caller: Caller,
      data: {
        teamId: string
        periodId: string
        figures: EnteredFigures
        coverage: CoverageAnswers
        highlightIds?: string[]
      },
    ): Promise<ReportEntry> {
      const { unit, period: p } = await scoped(caller, data.teamId, data.periodId)
      if (unit.kind !== 'county' && (data.coverage.museum !== null || data.coverage.caravan !== null)) {
        throw new AppError('COVERAGE_NOT_COUNTY', '“是否在全县基本覆盖”由区县（市）科技志愿者队填写', 'coverage')
      }
      const fields = {
        teamId: unit._id,
        teamPath: unit.path,
        teamKind: unit.kind,
        periodId: p._id,
        figures: data.figures,
        coverage: data.coverage,
        updatedBy: caller.openid,
      }
      const saved = data.highlightIds
        ? await reports.saveEntry({ ...fields, highlightIds: await eligibleHighlights(unit, p, data.highlightIds) })
        : await reports.saveFigures(fields)
      return {
        teamId: saved.teamId,
        periodId: saved.periodId,
        figures: saved.figures,
        coverage: saved.coverage,
        highlightIds: saved.highlightIds,
        updatedAt: saved.updatedAt.toISOString(),
      }
    },

    async saveHighlights(
      caller: Caller,
      data: { teamId: string; periodId: string; highlightIds: string[] },
    ): Promise<ReportEntry> {
      const { unit, period: p } = await scoped(caller, data.teamId, data.periodId)
      const highlightIds = await eligibleHighlights(unit, p, data.highlightIds)
      await reports.saveHighlights({
        teamId: unit._id,
        teamPath: unit.path,
        teamKind: unit.kind,
        periodId: p._id,
        highlightIds,
        updatedBy: caller.openid,
      })
      return entryView(unit, p._id)
    },

    async file(caller: Caller, data: { teamId: string; periodId: string; form: FormKind }): Promise<FilingItem> {
      const { unit, all, period: p } = await scoped(caller, data.teamId, data.periodId)
      const base = { teamId: unit._id, team: ref(unit), teamPath: unit.path, periodId: p._id, form: data.form }
      let filing: FilingDoc
      if (data.form === 'statistics') {
        const statistics = await statisticsOf(unit, all, p, caller.now())
        filing = await reports.addFiling({ ...base, by: caller.openid, rosterFileID: null, rows: null, statistics })
      } else {
        const rows: RosterRow[] = []
        const n = await eachRosterPage(unit._id, (page) => {
          rows.push(...page)
        })
        const stamp = `${chinaDay(caller.now())}-${crypto.randomBytes(4).toString('hex')}`
        const fileID = await deps.store(
          `filings/${p._id}/${unit._id}/roster-${stamp}.json`,
          Buffer.from(JSON.stringify({ unit: unit.name, date: chinaDay(caller.now()), rows })),
        )
        filing = await reports.addFiling({
          ...base,
          by: caller.openid,
          rosterFileID: fileID,
          rows: n,
          statistics: null,
        })
      }
      await records.audit({
        by: caller.openid,
        action: 'file',
        target: unit._id,
        detail: `${data.form} ${p._id} v${filing.version}`,
      })
      return filingItem(filing)
    },

    async filings(caller: Caller, data: { teamId: string; periodId: string }): Promise<FilingItem[]> {
      const { unit } = await unitInScope(caller, data.teamId)
      return (await reports.filingsOf(unit._id, data.periodId, 100)).map(filingItem)
    },

    async filingStatus(caller: Caller, data: { teamId: string; periodId: string }): Promise<FilingStatus[]> {
      const { unit, all, period: p } = await scoped(caller, data.teamId, data.periodId)
      const latest = await reports.latestFilings(unit._id, p._id)
      const ids = new Set(subtreeOf(all, unit._id).map((t) => t._id))
      return flatten(all)
        .filter((n) => ids.has(n.id))
        .map((n) => {
          const of = (form: FormKind) => {
            const l = latest.find((x) => x.teamId === n.id && x.form === form)
            return l ? { version: l.version, at: l.at.toISOString() } : null
          }
          return {
            team: n,
            due: { roster: dueDate(p, 'roster', n.kind), statistics: dueDate(p, 'statistics', n.kind) },
            latest: { roster: of('roster'), statistics: of('statistics') },
          }
        })
    },

    async dashboard(caller: Caller, data: { teamId: string; periodId: string }): Promise<Dashboard> {
      const { unit, period: p } = await scoped(caller, data.teamId, data.periodId)
      const [from, to] = periodRange(p)
      const [groups, filed] = await Promise.all([
        reports.activityGroups(unit._id, from, to, true),
        reports.filedForms(unit._id, p._id),
      ])
      const members = unitMembers(unit)
      const figures = activityFigures(groups.byType, groups.byFocus)
      const months: Dashboard['months'] = []
      for (let m = p.start.slice(0, 7); m <= p.end.slice(0, 7);) {
        const byType = Object.fromEntries(ActivityType.values.map((t) => [t, 0])) as Dashboard['months'][0]['byType']
        for (const g of groups.byMonth)
          if (g._id.month === m && g._id.type in byType) byType[g._id.type as keyof typeof byType] += g.n
        months.push({ month: m, byType, total: Object.values(byType).reduce((a, b) => a + b, 0) })
        const [y, mo] = m.split('-').map(Number)
        m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`
      }
      const target = p.targets.find((t) => t.kind === unit.kind)
      const now = caller.now()
      return {
        unit: ref(unit),
        period: { id: p._id, name: p.name, start: p.start, end: p.end },
        months,
        total: figures.total,
        byType: figures.byType,
        byFocus: figures.byFocus,
        experts: figures.experts,
        served: figures.served,
        members,
        target: target ? { founding: target.founding, goal: target.goal, goalDate: target.goalDate } : null,
        deadlines: deadlineRows(p, unit.kind, { members, founding: target?.founding ?? null, filed }, now),
      }
    },

    async certificateIssuers(caller: Caller): Promise<TeamRef[]> {
      const service = await reports.serviceRecords(caller.openid)
      const seen = new Map<string, TeamRef>()
      for (const r of serviceRows(service)) if (!seen.has(r.team.id)) seen.set(r.team.id, r.team)
      return [...seen.values()]
    },

    async certificate(caller: Caller, data: { teamId: string }): Promise<Certificate> {
      const [person, issuer, service] = await Promise.all([
        volunteers.findByOpenid(caller.openid),
        teams.get(data.teamId),
        reports.serviceRecords(caller.openid),
      ])
      if (!issuer) throw notFound('该队伍')
      // 谁组织谁记录，谁记录谁证明: the team certifies what it and the teams below it organized.
      const mine = serviceRows(service).filter((r) => r.teamPath.includes(issuer._id))
      if (!person || mine.length === 0)
        throw new AppError('NO_SERVICE_RECORDS', '该队伍没有您的服务时长记录，暂无法出具证明')
      const rows: CertificateRow[] = mine.map((r) => ({
        activityId: r.activityId,
        title: r.title,
        team: r.team,
        date: r.date,
        scannedHours: toHours(r.scanned),
        makeupHours: toHours(r.makeup),
      }))
      const scanned = mine.reduce((n, r) => n + r.scanned, 0)
      const makeup = mine.reduce((n, r) => n + r.makeup, 0)
      const issuedOn = chinaDay(caller.now())
      const serial = `ZM${issuedOn.replace(/-/g, '')}${base32(crypto.randomBytes(5))}`
      const doc: Omit<CertificateDoc, 'issuedAt'> = {
        _id: serial,
        openid: caller.openid,
        volunteerId: person._id,
        name: person.name,
        gender: person.gender,
        issuer: ref(issuer),
        rows,
        totalScannedMinutes: scanned,
        totalMakeupMinutes: makeup,
        issuedOn,
      }
      await reports.addCertificate(doc)
      await records.audit({ by: caller.openid, action: 'certificate', target: serial, detail: issuer._id })
      return {
        serial,
        code: certificateCode(doc),
        name: person.name,
        gender: person.gender,
        issuer: ref(issuer),
        rows,
        totalScannedHours: toHours(scanned),
        totalMakeupHours: toHours(makeup),
        totalHours: toHours(scanned + makeup),
        issuedOn,
        hoursRule: `${describeRule()}；补录时长由组织单位依据证明材料录入，单独列出`,
      }
    },

    async verifyCertificate(_caller: Caller, data: { serial: string; code: string }): Promise<CertificateCheck> {
      const doc = await reports.certificate(data.serial)
      const expected = doc ? certificateCode(doc) : null
      const valid =
        expected !== null &&
        expected.length === data.code.length &&
        crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(data.code))
      if (!valid || !doc)
        return {
          valid: false,
          serial: null,
          nameMasked: null,
          issuer: null,
          totalHours: null,
          rows: null,
          issuedOn: null,
        }
      return {
        valid: true,
        serial: doc._id,
        nameMasked: maskName(doc.name),
        issuer: doc.issuer,
        totalHours: toHours(doc.totalScannedMinutes + doc.totalMakeupMinutes),
        rows: doc.rows.length,
        issuedOn: doc.issuedOn,
      }
    },
  }
}
