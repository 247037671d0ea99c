/**
 * Member counters (TeamDoc.members) through the local cloud: after any sequence of joins, accepted
 * invitations, identity changes, 退出 and 作废 they equal a recount (from the volunteers' memberOf and
 * from the memberships themselves); the recount action and the nightly timer repair drifted ones.
 */
import fc from 'fast-check'
import { countMembers } from '../../cloudfunctions/core/team'
import type { TeamDoc, VolunteerDoc, MembershipDoc } from '../../cloudfunctions/core/models'
import { makeIdNumber, validRegistration } from '../support/fixtures'
import { codeSentTo, expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 60_000)
afterAll(() => cloud?.close())

const TEAMS = ['team-heshan', 'team-heshan-longguangqiao', 'team-agri', 'team-medical', 'team-anhua']
const PEOPLE = 4

const teamDoc = (id: string) => cloud.cloud.store.find('teams', { _id: id })[0] as TeamDoc
const record = (openid: string) => cloud.cloud.store.find('volunteers', { openid })[0] as VolunteerDoc | undefined
/** Each person keeps one ID number (a returning one registers with it again). */
const numbers = new Map<string, number>()
const registration = (openid: string, teamId: string, employer = '益阳市某单位') => {
  if (!numbers.has(openid)) numbers.set(openid, 701 + numbers.size * 2)
  const seq = numbers.get(openid)!
  return validRegistration({ teamId, employer, idNumber: makeIdNumber('19800101', seq), mobile: '13700000001' })
}

async function approveAndActivate(openid: string) {
  const v = record(openid)!
  await expectOk(
    cloud.call('demo-owner', 'admin.approve', { items: [{ volunteerId: v._id, revision: v.revision ?? 0 }] }),
  )
  await expectOk(cloud.call(openid, 'volunteer.activate', { code: codeSentTo(cloud, openid) }))
}

/** One step a person can take; each ends in a consistent state (or refuses and changes nothing). */
type Op = { kind: 'join' | 'leave' | 'review' | 'void'; p: number; team: number }
async function run(op: Op, prefix: string) {
  const openid = `${prefix}-${op.p}`
  const teamId = TEAMS[op.team]
  const v = record(openid)
  if (op.kind === 'join') {
    if (!v || v.status === 'left') {
      await expectOk(cloud.call(openid, 'volunteer.register', registration(openid, teamId)))
      await approveAndActivate(openid)
    } else if (v.status === 'active') {
      // An invitation as 集体注册 of someone registered elsewhere writes it, then accepted under 我的.
      const t = teamDoc(teamId)
      const team = { id: t._id, name: t.name, kind: t.kind }
      cloud.cloud.store.update(
        'volunteers',
        { openid },
        {
          $set: { [`invitations.${teamId}`]: { team, teamPath: t.path, by: 'demo-owner', at: new Date() } },
        },
      )
      await expectOk(cloud.call(openid, 'volunteer.acceptInvitation', { teamId }))
    }
  } else if (op.kind === 'leave' && v && v.status !== 'left') {
    await expectOk(cloud.call(openid, 'volunteer.leave', {}))
  } else if (op.kind === 'review' && v?.status === 'active') {
    // An identity change goes back to review (memberships suspended), then is approved and activated.
    await expectOk(cloud.call(openid, 'volunteer.update', registration(openid, v.team.id, `单位${Math.random()}`)))
    await approveAndActivate(openid)
  } else if (op.kind === 'void' && v && !(v.voided && v.status === 'left')) {
    await expectOk(cloud.call('demo-owner', 'admin.voidRegistration', { volunteerId: v._id, reason: '冒用身份证号' }))
  }
}

/** Distinct activated people per team from the memberships, as the forms count them. */
function fromMemberships(): Map<string, number> {
  const people = new Map<string, Set<string>>()
  for (const m of cloud.cloud.store.find('memberships', { status: 'active' }) as MembershipDoc[])
    for (const id of m.teamPath) people.set(id, (people.get(id) ?? new Set()).add(m.openid))
  return new Map([...people].map(([id, s]) => [id, s.size]))
}

function expectCountersMatchRecount() {
  const byVolunteers = countMembers(cloud.cloud.store.find('volunteers', {}) as VolunteerDoc[])
  const byMemberships = fromMemberships()
  for (const t of cloud.cloud.store.find('teams', {}) as TeamDoc[]) {
    expect([t._id, t.members ?? 0]).toEqual([t._id, byVolunteers.get(t._id) ?? 0])
    expect([t._id, t.members ?? 0]).toEqual([t._id, byMemberships.get(t._id) ?? 0])
  }
}

let runs = 0
it('keeps every counter equal to a recount after any sequence of membership changes', async () => {
  expectCountersMatchRecount()
  const op = fc.record({
    kind: fc.constantFrom('join', 'join', 'leave', 'review', 'void') as fc.Arbitrary<Op['kind']>,
    p: fc.integer({ min: 0, max: PEOPLE - 1 }),
    team: fc.integer({ min: 0, max: TEAMS.length - 1 }),
  })
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 8 }), async (ops) => {
      const prefix = `wx-count-${runs++}`
      for (const o of ops) await run(o, prefix)
      expectCountersMatchRecount()
    }),
    { numRuns: 8, seed: 11 },
  )
}, 300_000)

it('moves a counter once when two invitations sharing a new ancestor are accepted at once', async () => {
  // Active in a society; invited by a county team and by its township: the county is new to both.
  await run({ kind: 'join', p: 0, team: 3 }, 'wx-race')
  const openid = 'wx-race-0'
  for (const id of ['team-heshan', 'team-heshan-longguangqiao']) {
    const t = teamDoc(id)
    cloud.cloud.store.update(
      'volunteers',
      { openid },
      {
        $set: {
          [`invitations.${id}`]: {
            team: { id, name: t.name, kind: t.kind },
            teamPath: t.path,
            by: 'x',
            at: new Date(),
          },
        },
      },
    )
  }
  const heshan = teamDoc('team-heshan').members ?? 0
  await Promise.all(
    ['team-heshan', 'team-heshan-longguangqiao'].map((teamId) =>
      cloud.call(openid, 'volunteer.acceptInvitation', { teamId }),
    ),
  )
  expect(teamDoc('team-heshan').members).toBe(heshan + 1)
  expectCountersMatchRecount()
})

it('refuses to leave on a memberOf that changed since it was read, so nothing is left counted', async () => {
  // The condition itself: a leave that read memberOf before an accepted invitation changed it.
  await run({ kind: 'join', p: 1, team: 2 }, 'wx-race')
  const v = record('wx-race-1')!
  cloud.cloud.store.update('volunteers', { _id: v._id }, { $push: { memberOf: 'team-medical' } })
  const changed = cloud.cloud.store.update(
    'volunteers',
    { _id: v._id, status: 'active', memberOf: v.memberOf },
    { $set: { status: 'left' } },
  )
  expect(changed).toBe(0)
  cloud.cloud.store.update('volunteers', { _id: v._id }, { $pull: { memberOf: 'team-medical' } })
})

describe('recount', () => {
  it('repairs drifted counters for a city administrator, audited; refuses a county administrator', async () => {
    cloud.cloud.store.update('teams', { _id: 'team-anhua' }, { $inc: { members: 5 } })
    cloud.cloud.store.update('teams', { _id: 'team-agri' }, { $unset: { members: '' } })
    expect(await cloud.call('demo-heshan-admin', 'team.recount', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(teamDoc('team-anhua').members).toBeGreaterThanOrEqual(5)
    const r = await expectOk(cloud.call('demo-city-admin', 'team.recount', {}))
    expect(r.repaired).toBeGreaterThanOrEqual(1)
    expectCountersMatchRecount()
    expect(cloud.cloud.store.find('audit_logs', { action: 'recount', by: 'demo-city-admin' })).toHaveLength(1)
    expect(await expectOk(cloud.call('demo-owner', 'team.recount', {}))).toMatchObject({ repaired: 0 })
  })

  it('runs nightly from the scheduler and repairs what drifted', async () => {
    cloud.cloud.store.update('teams', { _id: 'team-city' }, { $inc: { members: -3 } })
    const r = await cloud.cloud.callFunction(
      'scheduler',
      { Type: 'Timer', TriggerName: 'recountMembers' },
      { openid: '' },
    )
    expect(r.result).toMatchObject({ ok: true, data: { repaired: 1 } })
    expectCountersMatchRecount()
  })
})
