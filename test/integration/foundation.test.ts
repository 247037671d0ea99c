import { startTestCloud, type TestCloud } from '../support/dev-cloud'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 60_000)
afterAll(() => cloud?.close())
// Calls share two cores with the other suites, some of which race hundreds of calls.
jest.setTimeout(30_000)

describe('volunteer.me through the local cloud', () => {
  it('answers an activated volunteer with the masked profile read from the database', async () => {
    const r = await cloud.call('demo-active', 'volunteer.me', {})
    expect(r).toMatchObject({
      ok: true,
      data: { status: 'active', team: { name: '益阳市医学会科技志愿者支队' }, serviceHours: 12.5 },
    })
    if (!r.ok) throw new Error('expected ok')
    expect(r.data.profile?.name).toBe('刘洋')
    expect(r.data.profile?.idNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/)
    expect(r.data.profile?.mobileMasked).toBe('138****1004')
  })

  it('answers a brand-new WeChat user as 未注册', async () => {
    expect(await cloud.call('wx-new-123', 'volunteer.me', {})).toMatchObject({
      ok: true,
      data: { status: 'unregistered', profile: null, roles: [] },
    })
  })

  it('shows the rejection reason only to a rejected volunteer', async () => {
    const r = await cloud.call('demo-rejected', 'volunteer.me', {})
    expect(r).toMatchObject({
      ok: true,
      data: { status: 'rejected', rejectReason: expect.stringContaining('单位名称') },
    })
  })

  it('lists the roles of an administrator with their teams', async () => {
    const r = await cloud.call('demo-heshan-admin', 'volunteer.me', {})
    expect(r).toMatchObject({ ok: true, data: { roles: [{ role: 'admin', team: { name: '赫山区科技志愿者队' } }] } })
  })

  it('reads the caller from the platform, never from the payload', async () => {
    const r = await cloud.raw('wx-new-456', 'volunteer', { action: 'me', data: { openid: 'demo-active' } })
    expect(r).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'openid' })
  })

  it('costs two database requests: the record with its grants, and the notices', async () => {
    expect((await cloud.call('demo-active', 'volunteer.me', {})).dbRequests).toBe(2)
  })

  it('keeps each caller apart under simultaneous calls', async () => {
    const who = ['demo-active', 'demo-pending', 'demo-rejected', 'demo-approved', 'wx-new-789', 'demo-left']
    const answers = await Promise.all([...who, ...who].map((openid) => cloud.call(openid, 'volunteer.me', {})))
    const statuses = answers.map((a) => (a.ok ? a.data.status : a.code))
    const expected = ['active', 'pending', 'rejected', 'approved', 'unregistered', 'left']
    expect(statuses).toEqual([...expected, ...expected])
  })
})

describe('activity.list through the local cloud', () => {
  it('lists upcoming published activities soonest first, without drafts or past ones', async () => {
    const r = await cloud.call('demo-active', 'activity.list', { tab: 'upcoming' })
    if (!r.ok) throw new Error(r.message)
    expect(r.data.items.map((a) => a.id)).toEqual(['act-5', 'act-1', 'act-2'])
    expect(r.data.nextCursor).toBeNull()
  })

  it('pages by cursor without repeating or losing an activity', async () => {
    const first = await cloud.call('demo-active', 'activity.list', { tab: 'upcoming', limit: 2 })
    if (!first.ok) throw new Error(first.message)
    expect(first.data.items).toHaveLength(2)
    expect(first.data.nextCursor).toEqual(expect.any(String))
    const second = await cloud.call('demo-active', 'activity.list', {
      tab: 'upcoming',
      limit: 2,
      cursor: first.data.nextCursor!,
    })
    if (!second.ok) throw new Error(second.message)
    expect([...first.data.items, ...second.data.items].map((a) => a.id)).toEqual(['act-5', 'act-1', 'act-2'])
    expect(second.data.nextCursor).toBeNull()
  })

  it('refuses a forged cursor with INVALID_INPUT', async () => {
    expect(await cloud.call('demo-active', 'activity.list', { tab: 'upcoming', cursor: 'not-a-cursor' })).toMatchObject(
      {
        ok: false,
        code: 'INVALID_INPUT',
        field: 'cursor',
      },
    )
  })
})

describe('bad input at every function', () => {
  it.each(['volunteer', 'activity'])('%s answers an unknown action with UNKNOWN_ACTION', async (fn) => {
    expect(await cloud.raw('demo-active', fn, { action: 'nope', data: {} })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_ACTION',
    })
  })

  it.each(['volunteer', 'activity'])('%s answers an event without action with INVALID_INPUT', async (fn) => {
    expect(await cloud.raw('demo-active', fn, { data: {} })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'action',
    })
  })

  it('answers a wrongly typed field with INVALID_INPUT naming it', async () => {
    expect(
      await cloud.raw('demo-active', 'activity', { action: 'list', data: { tab: 'upcoming', limit: 'ten' } }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'limit',
    })
  })
})
