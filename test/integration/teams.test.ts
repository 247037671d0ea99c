/**
 * Teams, roles and scopes through the local cloud: an authorization matrix over every team and
 * role action, roll-up counts with overlapping memberships, leaders, reporting periods.
 */
import type { ActionName, Page, ReqOf, TeamLevelItem, TeamPage } from '../../types/api'
import { makeIdNumber, validRegistration } from '../support/fixtures'
import { codeSentTo, expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'
import { snapshot } from '../support/snapshot'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 60_000)
afterAll(() => cloud?.close())

const ACTORS = {
  owner: 'demo-owner',
  cityAdmin: 'demo-city-admin',
  countyAdmin: 'demo-heshan-admin',
  societyAdmin: 'demo-medical-admin',
  organizer: 'demo-organizer',
  volunteer: 'demo-active',
  newcomer: 'wx-matrix-new',
} as const
type Actor = keyof typeof ACTORS
type Expect = 'ok' | 'FORBIDDEN' | 'NOT_IN_SCOPE' | 'INVALID_INPUT'

let n = 0
interface Case {
  name: string
  /** May prepare state of its own first (a fresh registration to review, leaders to keep). */
  call: () => { action: ActionName; data: unknown } | Promise<{ action: ActionName; data: unknown }>
  expect: Record<Actor, Expect>
}

let fresh = 500
/** A new pending registration in 赫山区, for a review action to act on. */
async function pendingInHeshan(): Promise<string> {
  fresh += 2
  const openid = `wx-matrix-${fresh}`
  const data = validRegistration({
    idNumber: makeIdNumber('19690707', fresh + 1),
    mobile: `137${String(fresh).padStart(8, '0')}`,
  })
  const r = await cloud.call(openid, 'volunteer.register', data)
  if (!r.ok) throw new Error(r.message)
  return cloud.cloud.store.find('volunteers', { openid })[0]._id
}
/** An approved (待激活) registration in 赫山区. */
async function approvedInHeshan(): Promise<string> {
  const id = await pendingInHeshan()
  await expectOk(cloud.call('demo-owner', 'admin.approve', { items: [{ volunteerId: id, revision: 0 }] }))
  return id
}

/** An open 申诉 about a registration in 赫山区. */
async function appealInHeshan(): Promise<string> {
  const volunteerId = await pendingInHeshan()
  const openid = `wx-matrix-appellant-${fresh}`
  const r = await cloud.call(openid, 'volunteer.appeal', {
    name: '李明',
    idNumber: makeIdNumber('19690707', fresh + 1),
    mobile: '13500000000',
    note: '这是我本人的身份证号',
  })
  if (!r.ok) throw new Error(r.message)
  const [appeal] = cloud.cloud.store.find('appeals', { openid, volunteerId })
  return appeal._id as string
}

const admins = (county: Expect, society: Expect): Record<Actor, Expect> => ({
  owner: 'ok',
  cityAdmin: 'ok',
  countyAdmin: county,
  societyAdmin: society,
  organizer: 'FORBIDDEN',
  volunteer: 'FORBIDDEN',
  newcomer: 'FORBIDDEN',
})

const cases: Case[] = [
  {
    name: 'team.page of the county',
    call: () => ({ action: 'team.page', data: { teamId: 'team-heshan' } }),
    expect: { ...admins('ok', 'NOT_IN_SCOPE'), organizer: 'ok' },
  },
  {
    name: 'team.page of another county',
    call: () => ({ action: 'team.page', data: { teamId: 'team-anhua' } }),
    expect: { ...admins('NOT_IN_SCOPE', 'NOT_IN_SCOPE'), organizer: 'NOT_IN_SCOPE' },
  },
  {
    name: 'team.members of the county',
    call: () => ({ action: 'team.members', data: { teamId: 'team-heshan' } }),
    expect: admins('ok', 'NOT_IN_SCOPE'),
  },
  {
    name: 'team.members of another county',
    call: () => ({ action: 'team.members', data: { teamId: 'team-anhua' } }),
    expect: admins('NOT_IN_SCOPE', 'NOT_IN_SCOPE'),
  },
  {
    name: 'team.create a township sub-team',
    call: () => ({
      action: 'team.create',
      data: { parentId: 'team-heshan', name: `测试街道分队${++n}`, kind: 'township' },
    }),
    expect: admins('ok', 'NOT_IN_SCOPE'),
  },
  {
    name: 'team.create a specialty sub-team of a society',
    call: () => ({
      action: 'team.create',
      data: { parentId: 'team-medical', name: `急救专业分队${++n}`, kind: 'specialty' },
    }),
    expect: admins('NOT_IN_SCOPE', 'ok'),
  },
  {
    name: 'team.rename',
    call: () => ({ action: 'team.rename', data: { teamId: 'team-heshan', name: '赫山区科技志愿者队' } }),
    expect: admins('ok', 'NOT_IN_SCOPE'),
  },
  {
    name: 'admin.roles',
    call: () => ({ action: 'admin.roles', data: { teamId: 'team-heshan' } }),
    expect: admins('ok', 'NOT_IN_SCOPE'),
  },
  {
    name: 'admin.grantRole admin',
    call: () => ({
      action: 'admin.grantRole',
      // Only an activated volunteer can hold a grant; it is revoked again right after (below).
      data: { volunteerId: 'vol-demo-active', role: 'admin', teamId: 'team-medical' },
    }),
    expect: { ...admins('FORBIDDEN', 'FORBIDDEN'), cityAdmin: 'FORBIDDEN' },
  },
  {
    name: 'admin.grantRole organizer',
    call: () => ({
      action: 'admin.grantRole',
      data: { volunteerId: 'vol-demo-organizer', role: 'organizer', teamId: 'team-heshan' },
    }),
    expect: admins('ok', 'NOT_IN_SCOPE'),
  },
  { name: 'admin.periods', call: () => ({ action: 'admin.periods', data: {} }), expect: admins('ok', 'ok') },
  {
    name: 'admin.savePeriod',
    call: () => ({
      action: 'admin.savePeriod',
      data: { id: 'period-test', name: '测试周期', start: '2030-01-01', end: '2030-12-31', deadlines: [], targets: [] },
    }),
    expect: admins('FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'admin.approve a registration of the county',
    call: async () => ({
      action: 'admin.approve',
      data: { items: [{ volunteerId: await pendingInHeshan(), revision: 0 }] },
    }),
    expect: admins('ok', 'NOT_IN_SCOPE'),
  },
  {
    name: 'admin.reject a registration of the county',
    call: async () => ({
      action: 'admin.reject',
      data: { volunteerId: await pendingInHeshan(), revision: 0, reason: '资料不全' },
    }),
    expect: admins('ok', 'NOT_IN_SCOPE'),
  },
  {
    name: 'admin.reveal a number of the county',
    call: async () => ({ action: 'admin.reveal', data: { volunteerId: await pendingInHeshan(), field: 'idNumber' } }),
    expect: admins('ok', 'NOT_IN_SCOPE'),
  },
  {
    name: 'admin.reissueCode of the county',
    call: async () => ({ action: 'admin.reissueCode', data: { volunteerId: await approvedInHeshan() } }),
    expect: admins('ok', 'NOT_IN_SCOPE'),
  },
  {
    name: 'admin.voidRegistration of the county',
    call: async () => ({
      action: 'admin.voidRegistration',
      data: { volunteerId: await pendingInHeshan(), reason: '冒用他人身份证号' },
    }),
    expect: admins('ok', 'NOT_IN_SCOPE'),
  },
  {
    name: 'team.setLeaders of the county (leaders in place before every call)',
    call: async () => {
      cloud.cloud.store.update(
        'teams',
        { _id: 'team-heshan' },
        { $set: { leaderOpenid: 'demo-organizer', deputyOpenids: [] } },
      )
      return { action: 'team.setLeaders', data: { teamId: 'team-heshan', leaderId: null, deputyIds: [] } }
    },
    expect: admins('ok', 'NOT_IN_SCOPE'),
  },
  {
    name: 'admin.pendingActivation',
    call: () => ({ action: 'admin.pendingActivation', data: {} }),
    expect: admins('ok', 'ok'),
  },
  { name: 'admin.appeals', call: () => ({ action: 'admin.appeals', data: {} }), expect: admins('ok', 'ok') },
  {
    name: 'admin.revealAppeal of the county',
    call: async () => ({ action: 'admin.revealAppeal', data: { appealId: await appealInHeshan() } }),
    expect: admins('ok', 'NOT_IN_SCOPE'),
  },
  {
    name: 'admin.closeAppeal of the county',
    call: async () => ({
      action: 'admin.closeAppeal',
      data: { appealId: await appealInHeshan(), outcome: 'confirmed', note: '核实无误' },
    }),
    expect: admins('ok', 'NOT_IN_SCOPE'),
  },
  {
    name: 'admin.auditLog',
    call: () => ({ action: 'admin.auditLog', data: {} }),
    expect: { ...admins('FORBIDDEN', 'FORBIDDEN'), cityAdmin: 'ok' },
  },
  {
    name: 'spreadsheet.importTemplate',
    call: () => ({ action: 'spreadsheet.importTemplate', data: {} }),
    expect: admins('ok', 'ok'),
  },
  {
    name: 'spreadsheet.importStart for another county',
    call: () => ({ action: 'spreadsheet.importStart', data: { teamId: 'team-anhua' } }),
    expect: { ...admins('NOT_IN_SCOPE', 'NOT_IN_SCOPE'), owner: 'ok', cityAdmin: 'ok' },
  },
  {
    name: 'spreadsheet.importCommit for another county',
    call: () => ({ action: 'spreadsheet.importCommit', data: { teamId: 'team-anhua', fileID: 'cloud://none' } }),
    expect: {
      ...admins('NOT_IN_SCOPE', 'NOT_IN_SCOPE'),
      owner: 'INVALID_INPUT' as Expect,
      cityAdmin: 'INVALID_INPUT' as Expect,
    },
  },
  {
    name: 'spreadsheet.importPreview',
    call: () => ({ action: 'spreadsheet.importPreview', data: { teamId: 'team-anhua', fileID: 'cloud://none' } }),
    expect: { ...admins('NOT_IN_SCOPE', 'NOT_IN_SCOPE'), owner: 'ok', cityAdmin: 'ok' },
  },
]

describe('authorization matrix', () => {
  for (const c of cases) {
    describe(c.name, () => {
      it.each(Object.keys(ACTORS) as Actor[])('as %s', async (actor) => {
        const { action, data } = await c.call()
        // Every document of every collection: a refused call must not change even one field.
        const before = snapshot(cloud)
        const r = await cloud.call(ACTORS[actor], action, data as ReqOf<typeof action>)
        const expected = c.expect[actor]
        if (expected === 'ok') {
          // importPreview of a missing file proves the caller got past authorization.
          if (action === 'spreadsheet.importPreview')
            expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'fileID' })
          else expect(r).toMatchObject({ ok: true })
          // An administrator appointed by the matrix would change later rows' answers.
          if (r.ok && action === 'admin.grantRole' && (data as { role: string }).role === 'admin')
            await expectOk(cloud.call('demo-owner', 'admin.revokeRole', { roleId: (r.data as { id: string }).id }))
        } else {
          expect(r).toMatchObject({ ok: false, code: expected })
          expect(snapshot(cloud)).toBe(before)
        }
      })
    })
  }
})

describe('team tree', () => {
  it('lists one level at a time, by name, with member counters, to anyone', async () => {
    const roots = await expectOk<Page<TeamLevelItem>>(cloud.call('wx-anyone', 'team.tree', {}))
    expect(roots.items.map((t) => t.id)).toEqual(['team-city'])
    const city = await expectOk<Page<TeamLevelItem>>(
      cloud.call('wx-anyone', 'team.tree', { parentId: 'team-city', limit: 50 }),
    )
    expect(city.items.length).toBeGreaterThanOrEqual(10)
    expect(city.items.every((t) => t.parentId === 'team-city' && t.depth === 1 && t.members >= 0)).toBe(true)
    expect(city.nextCursor).toBeNull()
  })

  it('pages a level with a cursor: every child once', async () => {
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const r: Page<TeamLevelItem> = await expectOk(
        cloud.call('wx-anyone', 'team.tree', { parentId: 'team-city', limit: 3, cursor }),
      )
      expect(r.items.length).toBeLessThanOrEqual(3)
      seen.push(...r.items.map((t) => t.id))
      cursor = r.nextCursor ?? undefined
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.length).toBeGreaterThanOrEqual(10)
  })

  it('searches names by their start, whatever the width, case or spaces', async () => {
    const r = await expectOk<Page<TeamLevelItem>>(cloud.call('wx-anyone', 'team.tree', { q: ' 赫山 ' }))
    expect(r.items.map((t) => t.id)).toEqual(['team-heshan'])
    expect(r.items[0].path).toEqual(['team-city', 'team-heshan'])
    expect(await cloud.call('wx-anyone', 'team.tree', { q: '' })).toMatchObject({ ok: false, field: 'q' })
    expect(await cloud.call('wx-anyone', 'team.tree', { cursor: 'x' })).toMatchObject({ ok: false, field: 'cursor' })
  })

  it('refuses a kind that cannot sit under the parent', async () => {
    expect(
      await cloud.call('demo-owner', 'team.create', { parentId: 'team-heshan', name: '某学会支队', kind: 'society' }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'kind',
    })
  })

  it('refuses a duplicate name under one parent', async () => {
    expect(
      await cloud.call('demo-owner', 'team.create', {
        parentId: 'team-heshan',
        name: '龙光桥街道科技志愿者服务分队',
        kind: 'township',
      }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'name',
    })
  })
})

/** Registers, approves and activates a newcomer in `teamId`; returns openid and volunteer id. */
let seq = 500
async function activated(teamId: string) {
  seq += 2
  const openid = `wx-team-${seq}`
  const data = validRegistration({
    teamId,
    idNumber: makeIdNumber('19700101', seq + 1),
    mobile: `136${String(seq).padStart(8, '0')}`,
  })
  await expectOk(cloud.call(openid, 'volunteer.register', data))
  const [doc] = cloud.cloud.store.find('volunteers', { openid })
  await expectOk(cloud.call('demo-owner', 'admin.approve', { items: [{ volunteerId: doc._id, revision: 0 }] }))
  await expectOk(cloud.call(openid, 'volunteer.activate', { code: codeSentTo(cloud, openid) }))
  return { openid, id: doc._id as string, data }
}

describe('membership roll-up', () => {
  it('counts each person once however many teams of the subtree they belong to', async () => {
    const before = await expectOk<TeamPage>(cloud.call('demo-owner', 'team.page', { teamId: 'team-city' }))
    const beforeHeshan = await expectOk<TeamPage>(cloud.call('demo-owner', 'team.page', { teamId: 'team-heshan' }))
    const township = await activated('team-heshan-longguangqiao')
    const county = await activated('team-heshan')
    // Invitations (集体注册 of someone registered elsewhere), accepted: the township member joins the
    // county team itself, still one person; the county member joins a society, counted once at the city.
    const invite = async (openid: string, team: { id: string; name: string; kind: string }) => {
      const teamPath = ['team-city', team.id]
      cloud.cloud.store.update(
        'volunteers',
        { openid },
        {
          $set: { [`invitations.${team.id}`]: { team, teamPath, by: 'demo-owner', at: new Date() } },
        },
      )
      await expectOk(cloud.call(openid, 'volunteer.acceptInvitation', { teamId: team.id }))
    }
    await invite(township.openid, { id: 'team-heshan', name: '赫山区科技志愿者队', kind: 'county' })
    await invite(county.openid, { id: 'team-agri', name: '益阳市农学会科技志愿者支队', kind: 'society' })
    const heshan = await expectOk<TeamPage>(cloud.call('demo-owner', 'team.page', { teamId: 'team-heshan' }))
    expect(heshan.members).toBe(beforeHeshan.members + 2)
    expect(heshan.children.find((c) => c.id === 'team-heshan-longguangqiao')?.members).toBe(1)
    const city = await expectOk<TeamPage>(cloud.call('demo-owner', 'team.page', { teamId: 'team-city' }))
    expect(city.members).toBe(before.members + 2)
    expect(city.children.find((c) => c.id === 'team-heshan')?.members).toBe(beforeHeshan.members + 2)
    expect(city.children.find((c) => c.id === 'team-agri')?.members).toBe(1)
  })

  it('does not count pending, rejected or departed people', async () => {
    const page = await expectOk<TeamPage>(cloud.call('demo-owner', 'team.page', { teamId: 'team-yuanjiang' }))
    expect(page.members).toBe(0) // the seeded 沅江 volunteer has left
  })

  it('lists members masked, page by page, without repeats', async () => {
    const first = await expectOk<{ items: { volunteerId: string; mobileMasked: string }[]; nextCursor: string | null }>(
      cloud.call('demo-heshan-admin', 'team.members', { teamId: 'team-heshan', limit: 1 }),
    )
    expect(first.items).toHaveLength(1)
    expect(first.items[0].mobileMasked).toMatch(/^\d{3}\*{4}\d{4}$/)
    const second = await expectOk<{ items: { volunteerId: string }[] }>(
      cloud.call('demo-heshan-admin', 'team.members', { teamId: 'team-heshan', limit: 50, cursor: first.nextCursor! }),
    )
    const ids = [...first.items, ...second.items].map((i) => i.volunteerId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toContain('vol-demo-organizer')
  })
})

describe('members list', () => {
  it('shows the most recently joined member first', async () => {
    const newest = await activated('team-heshan')
    const page = await expectOk<{ items: { volunteerId: string }[] }>(
      cloud.call('demo-heshan-admin', 'team.members', { teamId: 'team-heshan', limit: 5 }),
    )
    expect(page.items[0].volunteerId).toBe(newest.id)
  })
})

describe('team page', () => {
  it('shows size against the target, deadlines of the current period and missing focus tags', async () => {
    const page = await expectOk<TeamPage>(cloud.call('demo-medical-admin', 'team.page', { teamId: 'team-medical' }))
    expect(page.target).toMatchObject({ kind: 'society', founding: 20, goal: 50 })
    expect(page.period?.deadlines.map((d) => d.key)).toEqual(['teams_formed', 'roster', 'statistics'])
    expect(page.warnings).toEqual(['尚未设置支队长', '副支队长一般为 3–5 名，现有 0 名'])
    expect(page.breadcrumb.map((b) => b.id)).toEqual(['team-city', 'team-medical'])
    expect(page.can).toEqual({ manage: true, appointAdmins: false, appointOrganizers: true })
  })

  it('counts the city detachment, which has no size target, as formed', async () => {
    const page = await expectOk<TeamPage>(cloud.call('demo-owner', 'team.page', { teamId: 'team-city' }))
    expect(page.period?.deadlines).toEqual([expect.objectContaining({ key: 'city_formed', state: 'done' })])
  })

  it('appoints leaders from activated members only, and warnings follow', async () => {
    const leader = await activated('team-medical')
    const deputies = [await activated('team-medical'), await activated('team-medical'), await activated('team-medical')]
    const page = await expectOk<TeamPage>(
      cloud.call('demo-medical-admin', 'team.setLeaders', {
        teamId: 'team-medical',
        leaderId: leader.id,
        deputyIds: deputies.map((d) => d.id),
      }),
    )
    expect(page.leader?.volunteerId).toBe(leader.id)
    expect(page.deputies).toHaveLength(3)
    expect(page.warnings).toEqual([])
    expect(
      await cloud.call('demo-medical-admin', 'team.setLeaders', {
        teamId: 'team-medical',
        leaderId: 'vol-demo-pending',
        deputyIds: [],
      }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'leaderId' })
  })

  it('shows a leader’s new phone on the team page after they change it; nobody else’s edit touches a team', async () => {
    const leader = await activated('team-agri')
    const other = await activated('team-agri')
    await expectOk(
      cloud.call('demo-owner', 'team.setLeaders', { teamId: 'team-agri', leaderId: leader.id, deputyIds: [] }),
    )
    const teamsBefore = JSON.stringify(cloud.cloud.store.find('teams'))
    await expectOk(cloud.call(other.openid, 'volunteer.update', { ...other.data, mobile: '13912345678' }))
    expect(JSON.stringify(cloud.cloud.store.find('teams'))).toBe(teamsBefore)
    await expectOk(cloud.call(leader.openid, 'volunteer.update', { ...leader.data, mobile: '13987654321' }))
    const page = await expectOk<TeamPage>(cloud.call('demo-owner', 'team.page', { teamId: 'team-agri' }))
    expect(page.leader).toMatchObject({ volunteerId: leader.id, mobileMasked: '139****4321' })
    // An edit that keeps the phone sends no request to the teams.
    const same = await cloud.call(leader.openid, 'volunteer.update', {
      ...leader.data,
      mobile: '13987654321',
      specialty: '果树栽培',
    })
    expect(same.ok && same.breakdown.map((b) => b.collection)).not.toContain('teams')
  })

  it('costs a fixed number of database requests', async () => {
    cloud.cloud.store.update('teams', { _id: 'team-heshan' }, { $set: { leaderOpenid: null, deputyOpenids: [] } })
    // A fresh instance: the administrator's grants are read, not kept from earlier calls (role-cache.ts).
    cloud.cloud.recycle('team')
    const r = await cloud.call('demo-heshan-admin', 'team.page', { teamId: 'team-heshan' })
    // the team with its path, leaders, periods and filed forms; its children; roles; focus tags
    expect(r.dbRequests).toBe(4)
  })
})

describe('roles', () => {
  it('grants, lists and revokes an organizer; the grant shows on 我的', async () => {
    const v = await activated('team-heshan')
    const grant = await expectOk<{ id: string }>(
      cloud.call('demo-heshan-admin', 'admin.grantRole', {
        volunteerId: v.id,
        role: 'organizer',
        teamId: 'team-heshan',
      }),
    )
    const me = await expectOk<{ roles: { role: string }[] }>(cloud.call(v.openid, 'volunteer.me', {}))
    expect(me.roles).toEqual([expect.objectContaining({ role: 'organizer' })])
    const list = await expectOk<{ id: string }[]>(
      cloud.call('demo-heshan-admin', 'admin.roles', { teamId: 'team-heshan' }),
    )
    expect(list.map((r) => r.id)).toContain(grant.id)
    await expectOk(cloud.call('demo-heshan-admin', 'admin.revokeRole', { roleId: grant.id }))
    // Another function's warm grants last ≤ 60 s (core/role-cache.ts); a fresh instance stands for later.
    cloud.cloud.recycle('volunteer')
    expect((await expectOk<{ roles: unknown[] }>(cloud.call(v.openid, 'volunteer.me', {}))).roles).toEqual([])
  })

  it('refuses an organizer who is not activated', async () => {
    expect(
      await cloud.call('demo-heshan-admin', 'admin.grantRole', {
        volunteerId: 'vol-demo-pending',
        role: 'organizer',
        teamId: 'team-heshan',
      }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'volunteerId',
    })
  })

  it('lets the owner appoint an administrator who then reviews in that subtree only', async () => {
    const v = await activated('team-anhua')
    await expectOk(
      cloud.call('demo-owner', 'admin.grantRole', { volunteerId: v.id, role: 'admin', teamId: 'team-anhua' }),
    )
    expect(await cloud.call(v.openid, 'team.page', { teamId: 'team-anhua' })).toMatchObject({ ok: true })
    expect(await cloud.call(v.openid, 'team.page', { teamId: 'team-heshan' })).toMatchObject({
      ok: false,
      code: 'NOT_IN_SCOPE',
    })
  })

  it('does not let a county administrator revoke an administrator', async () => {
    const [grant] = cloud.cloud.store.find('roles', { openid: 'demo-medical-admin' })
    expect(await cloud.call('demo-heshan-admin', 'admin.revokeRole', { roleId: grant._id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
  })
})

describe('reporting periods', () => {
  it('lists the notice’s 2019 example and the current period', async () => {
    const periods = await expectOk<{ id: string; deadlines: { due: string }[] }[]>(
      cloud.call('demo-city-admin', 'admin.periods', {}),
    )
    const p2019 = periods.find((p) => p.id === 'period-2019')
    expect(p2019?.deadlines.map((d) => d.due)).toEqual(['2019-09-01', '2019-09-14', '2019-09-18', '2019-12-15'])
    expect(periods.length).toBeGreaterThanOrEqual(2)
  })

  it('refuses an end before the start', async () => {
    expect(
      await cloud.call('demo-owner', 'admin.savePeriod', {
        name: '错误周期',
        start: '2031-12-31',
        end: '2031-01-01',
        deadlines: [],
        targets: [],
      }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'end' })
  })
})
