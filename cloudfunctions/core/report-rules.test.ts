import type { EnteredFigures } from '../../types/api'
import type { PeriodDoc, ReportEntryDoc, TeamDoc } from './models'
import {
  activityFigures,
  blankFigures,
  builtMembers,
  builtTeams,
  coverageOf,
  perPerson,
  rollUp,
  subtreeOf,
  sumFigures,
  topBuiltTeams,
  unitMembers,
} from './report-rules'

const team = (id: string, kind: TeamDoc['kind'], parent: TeamDoc | null): TeamDoc => ({
  _id: id,
  name: id,
  kind,
  parentId: parent?._id ?? null,
  path: [...(parent?.path ?? []), id],
  leaderOpenid: null,
  deputyOpenids: [],
  createdBy: 'x',
})
const city = team('city', 'city', null)
const countyA = team('a', 'county', city)
const townA = team('a-town', 'township', countyA)
const countyB = team('b', 'county', city)
const society = team('soc', 'society', city)
const all = [city, countyA, townA, countyB, society]

const period: PeriodDoc = {
  _id: 'p',
  name: 'p',
  start: '2024-01-01',
  end: '2024-12-31',
  deadlines: [{ key: 'statistics', label: '附件3', due: '2024-12-15', kinds: ['society', 'county'] }],
  targets: [],
}

const entry = (t: TeamDoc, figures: Partial<EnteredFigures>, coverage = { museum: null, caravan: null }) =>
  ({
    _id: `${t._id}_p`,
    teamId: t._id,
    teamPath: t.path,
    teamKind: t.kind,
    periodId: 'p',
    figures: { ...blankFigures(), ...figures },
    coverage,
    highlightIds: [],
    updatedBy: 'x',
    updatedAt: new Date(),
  }) as ReportEntryDoc

describe('topBuiltTeams', () => {
  it('keeps the built teams with no built team above them', () => {
    expect(topBuiltTeams(builtTeams(subtreeOf(all, 'city'))).sort()).toEqual(['a', 'b'])
    expect(topBuiltTeams(builtTeams(subtreeOf(all, 'a')))).toEqual(['a'])
    expect(topBuiltTeams(builtTeams(subtreeOf(all, 'a-town')))).toEqual(['a-town'])
    expect(topBuiltTeams(builtTeams(subtreeOf(all, 'soc')))).toEqual([])
  })
})

describe("built teams' members from the counters", () => {
  // 12 people in county a (5 of them through its township), 7 in county b, one person in both.
  const counted = [city, { ...countyA, members: 12 }, { ...townA, members: 5 }, { ...countyB, members: 7 }, society]
  const built = (unitId: string) => builtMembers(builtTeams(subtreeOf(counted, unitId)))

  it("a county: its own counter, which holds its townships' people once", () => {
    expect(built('a')).toEqual({ count: 12 })
    expect(built('a-town')).toEqual({ count: 5 })
  })

  it('a society has built no county team: 0', () => {
    expect(built('soc')).toEqual({ count: 0 })
  })

  it('several counties are never added up (one person may be in two): the database counts them apart', () => {
    expect(built('city')).toEqual({ distinctOver: ['a', 'b'] })
  })

  it("the unit's members are its counter; a team from before the counter has 0", () => {
    expect(unitMembers({ members: 12 })).toBe(12)
    expect(unitMembers({})).toBe(0)
  })
})

describe('perPerson', () => {
  it('rounds half up to one decimal (11.25 → 11.3), in integers', () => {
    expect(perPerson(45, 4)).toBe(11.3)
    expect(perPerson(1, 8)).toBe(0.1) // 0.125
    expect(perPerson(1, 3)).toBe(0.3)
    expect(perPerson(2, 3)).toBe(0.7)
    expect(perPerson(21, 40)).toBe(0.5) // 0.525 → 0.5
    expect(perPerson(0, 5)).toBe(0)
  })
  it('is blank when either side is blank or there are no 信息员', () => {
    expect(perPerson(null, 4)).toBeNull()
    expect(perPerson(10, null)).toBeNull()
    expect(perPerson(10, 0)).toBeNull()
  })
})

describe('sumFigures', () => {
  it('keeps a field nobody entered blank and an entered 0 as 0', () => {
    const s = sumFigures([
      { ...blankFigures(), museumTours: 0 },
      { ...blankFigures(), museumTours: 3, informants: 2 },
      blankFigures(),
    ])
    expect(s).toEqual({ ...blankFigures(), museumTours: 3, informants: 2 })
    expect(sumFigures([{ ...blankFigures(), caravanTours: 0 }]).caravanTours).toBe(0)
    expect(sumFigures([]).caravanTours).toBeNull()
  })
})

describe('coverageOf', () => {
  const answers = new Map([
    ['a', { museum: true, caravan: false }],
    ['a-town', { museum: false, caravan: true }],
    ['b', { museum: null, caravan: true }],
  ])
  it("reads a county's own answer and ignores its townships'", () => {
    expect(coverageOf(countyA, subtreeOf(all, 'a'), answers)).toEqual({
      museum: { kind: 'own', value: true },
      caravan: { kind: 'own', value: false },
    })
    expect(coverageOf(countyA, [countyA], new Map()).museum).toEqual({ kind: 'own', value: null })
  })
  it('counts counties answering 是 out of every county above them; no answer is not 是', () => {
    expect(coverageOf(city, all, answers)).toEqual({
      museum: { kind: 'counties', yes: 1, of: 2 },
      caravan: { kind: 'counties', yes: 1, of: 2 },
    })
  })
  it('shows no coverage for a society or a township', () => {
    expect(coverageOf(society, [society], answers).museum).toEqual({ kind: 'none' })
    expect(coverageOf(townA, [townA], answers).caravan).toEqual({ kind: 'none' })
  })
})

describe('rollUp', () => {
  const entries = [
    entry(countyA, { museumTours: 2, informants: 4, kepuChinaShares: 40 }),
    entry(townA, { museumTours: 1, kepuChinaShares: 5 }),
    entry(city, { caravanTours: 0 }),
    entry(society, { informants: 0, kepuHunanShares: 7 }),
  ]
  it("adds the unit's own record to every record below it, once", () => {
    const county = rollUp(countyA, subtreeOf(all, 'a'), entries, period)
    expect(county.figures).toEqual({ ...blankFigures(), museumTours: 3, informants: 4, kepuChinaShares: 45 })
    expect(county.perPerson).toEqual({ kepuChina: 11.3, kepuHunan: null })
    const top = rollUp(city, all, entries, period)
    expect(top.figures).toEqual({
      ...blankFigures(),
      museumTours: 3,
      caravanTours: 0,
      informants: 4,
      kepuChinaShares: 45,
      kepuHunanShares: 7,
    })
    expect(top.perPerson).toEqual({ kepuChina: 11.3, kepuHunan: 1.8 })
  })
  it('lists the teams below that owe 附件3 and entered nothing', () => {
    expect(rollUp(city, all, entries, period).notEntered.map((t) => t.id)).toEqual(['b'])
    expect(rollUp(city, all, [], period).notEntered.map((t) => t.id)).toEqual(['a', 'b', 'soc'])
    expect(rollUp(countyA, subtreeOf(all, 'a'), [], period).notEntered).toEqual([])
  })
  it('ignores entries of teams outside the subtree', () => {
    expect(rollUp(society, [society], entries, period).figures.museumTours).toBeNull()
  })
})

describe('activityFigures', () => {
  it('lists every type and focus, and sums check-ins and people served', () => {
    const f = activityFigures(
      [
        { _id: 'lecture', n: 2, checkedIn: 5, served: 100 },
        { _id: 'medical', n: 1, checkedIn: 3, served: 0 },
      ],
      [{ _id: 'key_event', n: 2 }],
    )
    expect(f.total).toBe(3)
    expect(f.byType).toEqual({
      lecture: 2,
      training: 0,
      consulting: 0,
      agriculture: 0,
      medical: 1,
      youth: 0,
      other: 0,
    })
    expect(f.byFocus).toEqual({ key_event: 2, public_concern: 0, key_group: 0 })
    expect(f.experts).toBe(8)
    expect(f.served).toBe(100)
  })
})
