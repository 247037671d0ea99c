/**
 * How the forms count (DOMAIN.md "How the forms count"), as pure functions the report service, the
 * exports and the tests share: roll-up of entered figures, coverage "n of m", the per-person ratio,
 * the activity figures from the database's groups, the teams a unit's form covers.
 */
import type { CoverageAnswers, CoverageView, EnteredFigures, FigureKey, FormKind, TeamRef } from '../../types/api'
import { ActivityType, FocusTag, type TeamKind } from '../../types/enums'
import type { PeriodDoc, ReportEntryDoc, TeamDoc } from './models'
import { periodRange } from './period'

export const FIGURE_KEYS: FigureKey[] = [
  'museumTours',
  'caravanTours',
  'ruralTrainings',
  'ruralTrainees',
  'farmerContest',
  'provinceContest',
  'informants',
  'kepuChinaShares',
  'kepuHunanShares',
]

export const blankFigures = (): EnteredFigures =>
  Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as unknown as EnteredFigures

/** Field by field: the sum of what was entered; blank when nobody entered it (an entered 0 is 0). */
export function sumFigures(all: EnteredFigures[]): EnteredFigures {
  const out = blankFigures()
  for (const f of all) {
    for (const k of FIGURE_KEYS) {
      const n = f[k]
      if (n !== null && n !== undefined) out[k] = (out[k] ?? 0) + n
    }
  }
  return out
}

/**
 * total ÷ people rounded half up to one decimal (11.25 → 11.3), in integers so no float error
 * rounds a half down; blank when either is blank or there are no people.
 */
export function perPerson(total: number | null, people: number | null): number | null {
  if (total === null || people === null || people <= 0) return null
  return Math.floor((20 * total + people) / (2 * people)) / 10
}

/** The unit and every team below it (the unit first). */
export function subtreeOf(all: TeamDoc[], unitId: string): TeamDoc[] {
  return all
    .filter((t) => t.path.includes(unitId))
    .sort((a, b) => a.path.length - b.path.length || a._id.localeCompare(b._id))
}

/** "已建立（）支科技志愿者队": county teams and township sub-teams of the subtree. */
export const BUILT_KINDS: TeamKind[] = ['county', 'township']
export const builtTeams = (subtree: TeamDoc[]) => subtree.filter((t) => BUILT_KINDS.includes(t.kind))

/**
 * The built teams with no built team above them: a person is in a built team exactly when they count
 * in one of these (paths carry every ancestor), so "人数（）" is counted over a handful of ids (the
 * city's counties) instead of every township.
 */
export function topBuiltTeams(built: Pick<TeamDoc, '_id' | 'path'>[]): string[] {
  const ids = new Set(built.map((t) => t._id))
  return built.filter((t) => !t.path.some((a) => a !== t._id && ids.has(a))).map((t) => t._id)
}

/**
 * 志愿队伍 "已建立（）人的科技志愿支队": the unit's member counter (TeamDoc.members, core/team.ts), the
 * distinct activated people of its subtree, which is exactly what the form counts. The form takes
 * membership as it stands on its 填报日期, the day it is made (or filed), so the counter as it is now
 * is the right figure for any reporting period, not a count as of the period's end.
 */
export const unitMembers = (unit: Pick<TeamDoc, 'members'>): number => unit.members ?? 0

/**
 * "人数（）" of the built teams: their distinct members, from the counters where they can say it.
 * A counter is distinct within one team's subtree, so the top built teams (`topBuiltTeams`) decide:
 * - none (a society): 0;
 * - one (a county, whose counter already holds its townships' people once; a township; a unit
 *   with a single county below it): that team's counter;
 * - several (the city): the counters are NOT added up. A person may belong to two counties (DOMAIN.md:
 *   each person counts once however many teams they belong to) and would count in both counters;
 *   counters cannot tell how many such people there are, so the distinct people counting in any of
 *   the tops are counted by the database instead (`distinctOver`: one count on the volunteers'
 *   memberOf, one record per person, read on an index; report.repository.ts `membersOfAny`).
 */
export function builtMembers(
  built: Pick<TeamDoc, '_id' | 'path' | 'members'>[],
): { count: number } | { distinctOver: string[] } {
  const tops = topBuiltTeams(built)
  if (tops.length === 0) return { count: 0 }
  if (tops.length === 1) return { count: unitMembers(built.find((t) => t._id === tops[0])!) }
  return { distinctOver: tops }
}

/**
 * Coverage of the unit: a county's own answer (its townships' are ignored); above counties the
 * counties of the subtree answering 是 out of all of them (no answer is not 是); otherwise none.
 */
export function coverageOf(
  unit: Pick<TeamDoc, '_id' | 'kind'>,
  subtree: Pick<TeamDoc, '_id' | 'kind'>[],
  answers: Map<string, CoverageAnswers>,
): { museum: CoverageView; caravan: CoverageView } {
  const view = (key: keyof CoverageAnswers): CoverageView => {
    if (unit.kind === 'county') return { kind: 'own', value: answers.get(unit._id)?.[key] ?? null }
    if (unit.kind !== 'city') return { kind: 'none' }
    const counties = subtree.filter((t) => t.kind === 'county')
    return {
      kind: 'counties',
      yes: counties.filter((c) => answers.get(c._id)?.[key] === true).length,
      of: counties.length,
    }
  }
  return { museum: view('museum'), caravan: view('caravan') }
}

/** The kinds of team a form is due from in a period (its deadline's kinds; none listed: every kind). */
export function dueKinds(period: PeriodDoc, form: FormKind): TeamKind[] | null {
  const d = period.deadlines.find((x) => x.key === form)
  if (!d) return null
  return d.kinds.length
    ? d.kinds
    : (['city', 'society', 'specialty', 'county', 'township', 'service_group'] as TeamKind[])
}

export function dueDate(period: PeriodDoc, form: FormKind, kind: TeamKind): string | null {
  const d = period.deadlines.find((x) => x.key === form)
  return d && (d.kinds.length === 0 || d.kinds.includes(kind)) ? d.due : null
}

const ref = (t: TeamDoc): TeamRef => ({ id: t._id, name: t.name, kind: t.kind })

/**
 * The entered part of 附件3 for a unit: its own entry plus every entry below it, coverage, the
 * per-person averages, and the teams below that owe 附件3 and have entered nothing yet.
 */
export function rollUp(unit: TeamDoc, subtree: TeamDoc[], entries: ReportEntryDoc[], period: PeriodDoc) {
  const ids = new Set(subtree.map((t) => t._id))
  const mine = entries.filter((e) => ids.has(e.teamId))
  const figures = sumFigures(mine.map((e) => e.figures))
  const answers = new Map(mine.map((e) => [e.teamId, e.coverage]))
  const owing = dueKinds(period, 'statistics') ?? []
  const entered = new Set(mine.filter((e) => e.figuresEntered !== false).map((e) => e.teamId))
  return {
    figures,
    coverage: coverageOf(unit, subtree, answers),
    perPerson: {
      kepuChina: perPerson(figures.kepuChinaShares, figures.informants),
      kepuHunan: perPerson(figures.kepuHunanShares, figures.informants),
    },
    notEntered: subtree.filter((t) => t._id !== unit._id && owing.includes(t.kind) && !entered.has(t._id)).map(ref),
  }
}

/** What the database groups activities into: per type, with the check-ins and people served summed. */
export interface TypeGroup {
  _id: string
  n: number
  checkedIn: number
  served: number
}

/** The 志愿活动 figures: every type and focus listed (0 when none), totals of check-ins and people served. */
export function activityFigures(byType: TypeGroup[], byFocus: { _id: string; n: number }[]) {
  const types = Object.fromEntries(ActivityType.values.map((t) => [t, 0])) as Record<ActivityType, number>
  const focus = Object.fromEntries(FocusTag.values.map((f) => [f, 0])) as Record<FocusTag, number>
  let total = 0
  let experts = 0
  let served = 0
  for (const g of byType) {
    if (g._id in types) types[g._id as ActivityType] += g.n
    total += g.n
    experts += g.checkedIn
    served += g.served
  }
  for (const g of byFocus) if (g._id in focus) focus[g._id as FocusTag] += g.n
  return { total, byType: types, byFocus: focus, experts, served }
}

/**
 * 附件2 for a reporting period lists the members as of the period's end: the memberships active now
 * whose `since` falls before the day after its last day (China time; the whole last day counts).
 * Leaving one team leaves no date on the membership (only leaving the corps dates the volunteer
 * record), so a person who has left since is not listed, and nobody who joined after the end is.
 * The instant returned is the exclusive bound on `since`.
 */
export function rosterAsOf(period: Pick<PeriodDoc, 'start' | 'end'>): Date {
  return periodRange(period)[1]
}
