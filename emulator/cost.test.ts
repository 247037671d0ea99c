import { readCost, type Doc, type IndexDef, type ReadRequest } from './cost'

/** 1000 people in 10 teams, 4 statuses; `tags` is an array (a multikey index stores each element). */
const people: Doc[] = Array.from({ length: 1000 }, (_, i) => ({
  _id: `p${String(i).padStart(4, '0')}`,
  team: `t${i % 10}`,
  status: ['active', 'pending', 'left', 'banned'][i % 4],
  at: new Date(Date.UTC(2025, 0, 1) + i * 60_000),
  tags: [`t${i % 10}`, `city${i % 2}`],
  n: i,
}))

const indexes: IndexDef[] = [
  { name: 'team_at', keys: { team: 1, at: -1 } },
  { name: 'status_team_at', keys: { status: 1, team: 1, at: 1 } },
  { name: 'tags', keys: { tags: 1 } },
]

const cost = (req: ReadRequest, ix: IndexDef[] = indexes) => readCost(ix, people, req)

describe('documents examined', () => {
  it.each<[string, ReadRequest, number, RegExp]>([
    [
      'equality + a sort the index serves: one page',
      { filter: { team: 't3' }, sort: { at: -1 }, limit: 20 },
      20,
      /team_at/,
    ],
    ['…the sort fully reversed is served too', { filter: { team: 't3' }, sort: { at: 1 }, limit: 20 }, 20, /team_at/],
    ['…with skip: skip + limit', { filter: { team: 't3' }, sort: { at: -1 }, skip: 40, limit: 20 }, 60, /team_at/],
    [
      'a sort the index does not serve: the whole range',
      { filter: { team: 't3' }, sort: { n: 1 }, limit: 20 },
      100,
      /sort in memory/,
    ],
    [
      'a trailing _id the index does not declare: the whole range',
      { filter: { team: 't3' }, sort: { at: -1, _id: -1 }, limit: 20 },
      100,
      /sort in memory/,
    ],
    [
      'equality on two keys, sort on the third',
      { filter: { status: 'active', team: 't2' }, sort: { at: 1 }, limit: 5 },
      5,
      /status_team_at \(status=, team=\)/,
    ],
    [
      'equality then a range on the next key: the range',
      { filter: { team: 't3', at: { $gte: new Date(Date.UTC(2025, 0, 1, 10)) } } },
      40,
      /team_at \(team=, at range\)/,
    ],
    [
      'no index for the filter: the whole collection',
      { filter: { n: { $gte: 990 } }, sort: { n: 1 }, limit: 5 },
      1000,
      /collection scan/,
    ],
    ['count without an index: the whole collection', { filter: { n: 5 } }, 1000, /collection scan/],
    ['count over an index prefix: the range', { filter: { status: 'pending' } }, 250, /status_team_at/],
    [
      'the residual filter rejects some on the way',
      { filter: { team: 't0', n: { $gte: 500 } }, sort: { at: 1 }, limit: 10 },
      60,
      /team_at/,
    ],
    ['_id equality: the primary key', { filter: { _id: 'p0007' } }, 1, /primary key/],
    ['_id $in: one per id', { filter: { _id: { $in: ['p0001', 'p0002', 'p0003', 'nope'] } } }, 3, /primary key/],
    [
      'a many-value $in bounds like a range',
      { filter: { team: { $in: ['t1', 't2'] } }, sort: { at: -1 }, limit: 5 },
      200,
      /team_at \(team in\) \+ sort in memory/,
    ],
    ['multikey: equality on one element of an array field', { filter: { tags: 'city1' } }, 500, /index tags/],
    ['multikey: a one-value $in is equality', { filter: { tags: { $in: ['t4'] } }, limit: 7 }, 7, /index tags/],
    ['$or: the sum of its branches', { filter: { $or: [{ _id: 'p0001' }, { team: 't1' }] } }, 101, /\$or of 2/],
    [
      'a limit without sort stops a collection scan early',
      { filter: { n: { $gte: 0 } }, limit: 3 },
      3,
      /collection scan/,
    ],
  ])('%s', (_, req, examined, plan) => {
    const r = cost(req)
    expect(r.examined).toBe(examined)
    expect(r.plan).toMatch(plan)
  })

  it('picks the index that reads least', () => {
    // status_team_at bounds 50 documents; team_at would read 100.
    expect(cost({ filter: { status: 'left', team: 't2' } })).toMatchObject({
      examined: 50,
      plan: expect.stringMatching(/status_team_at/),
    })
  })

  it('serves a sort in mixed directions only when the index has them', () => {
    const req = { filter: { status: 'active' }, sort: { team: 1, at: -1 }, limit: 10 }
    expect(cost(req, [indexes[1]])).toMatchObject({ examined: 250, plan: expect.stringMatching(/sort in memory/) })
    // team_at walks (team asc, at desc) from its start until 10 active people have passed.
    expect(cost(req, [indexes[0]])).toMatchObject({ examined: 20, plan: 'index team_at (sort)' })
  })

  it('uses a declared _id in an index to serve a sort ending in _id', () => {
    const withId: IndexDef[] = [{ name: 'team_at_id', keys: { team: 1, at: -1, _id: -1 } }]
    expect(cost({ filter: { team: 't3' }, sort: { at: -1, _id: -1 }, limit: 20 }, withId).examined).toBe(20)
  })

  it('reads the whole collection when nothing is declared', () => {
    expect(cost({ filter: { team: 't3' }, sort: { at: -1 }, limit: 20 }, []).examined).toBe(1000)
  })

  it('uses a 2dsphere index for a geo condition', () => {
    const places: Doc[] = Array.from({ length: 100 }, (_, i) => ({
      _id: i,
      loc: { type: 'Point', coordinates: [112 + i * 0.01, 28.5] },
    }))
    const near = { loc: { $geoWithin: { $centerSphere: [[112, 28.5], 4.5 / 6378.1] } } }
    expect(readCost([{ name: 'loc', keys: { loc: '2dsphere' } }], places, { filter: near })).toMatchObject({
      examined: 5,
      plan: expect.stringMatching(/index loc \(loc geo\)/),
    })
    expect(readCost([], places, { filter: near }).examined).toBe(100)
  })
})
