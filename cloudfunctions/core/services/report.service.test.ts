import type { ReportRepository, RosterEntry } from '../repositories/report.repository'
import { reportService } from './report.service'

type Person = RosterEntry['volunteer'] & { team: string; at: number }
const person = (openid: string, team: string, at: number): Person => ({
  openid,
  name: openid.toUpperCase(),
  gender: 'female',
  employer: '',
  position: '',
  team,
  at,
})
// p1…p4 belong to the unit's own teams; p5's own team is elsewhere (found by lookup); p6 has no record.
const people = [
  person('p1', 'unit', 1),
  person('p2', 'unit', 2),
  person('p3', 'unit', 3),
  person('p4', 'unit', 4),
  person('p5', 'other', 5),
]
// Join order: p3, p1, p5, p3 again (a second team), p6, p2, p4 joined after `asOf`.
const memberships = [
  ['m1', 'p3', 10],
  ['m2', 'p1', 11],
  ['m3', 'p5', 12],
  ['m4', 'p3', 13],
  ['m5', 'p6', 14],
  ['m6', 'p2', 15],
  ['m7', 'p4', 30],
] as const

function fakeReports(calls: string[]): ReportRepository {
  const fake: Partial<ReportRepository> = {
    async rosterPeople(_teamId, after, limit) {
      calls.push('people')
      const rows = people.filter((p) => p.team === 'unit' && (!after || p.at > after.at.getTime())).slice(0, limit)
      const last = rows[rows.length - 1]
      return { rows, next: last ? { at: new Date(last.at), id: last.openid } : null }
    },
    async memberOrder(_teamId, after, limit, asOf) {
      calls.push('members')
      const rows = memberships
        .filter(([, , at]) => (!after || at > after.since.getTime()) && (!asOf || at < asOf.getTime()))
        .slice(0, limit)
        .map(([id, openid, at]) => ({ id, openid, since: new Date(at) }))
      const last = rows[rows.length - 1]
      return { rows, next: last ? { since: last.since, id: last.id } : null }
    },
    async peopleByOpenids(openids) {
      calls.push(`lookup ${openids.join(',')}`)
      return people.filter((p) => openids.includes(p.openid))
    },
  }
  return fake as ReportRepository
}

describe('eachRosterPage', () => {
  it('lists each person once in join order, across pages, looking up only those from elsewhere', async () => {
    const calls: string[] = []
    const service = reportService({ reports: fakeReports(calls) } as never)
    const pages: string[][] = []
    const n = await service.eachRosterPage(
      'unit',
      (rows) => {
        pages.push(rows.map((r) => `${r.no}${r.name}`))
      },
      new Date(20),
      2,
    )
    expect(n).toBe(4)
    // Pages of 2 memberships: [p3 p1] [p5 p3] [p6 p2]; p6 has no record, p4 joined after asOf.
    expect(pages).toEqual([['1P3', '2P1'], ['3P5'], ['4P2']])
    expect(calls).toEqual([
      'people',
      'people',
      'people',
      'members',
      'members',
      'lookup p5',
      'members',
      'lookup p6',
      'members',
    ])
  })
})
