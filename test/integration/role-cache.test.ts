/**
 * Grants kept in the warm instance (core/role-cache.ts): the second call saves the read, and a
 * revoke or a holder's 退出 takes effect at once in the instance that wrote it. The expiry after
 * the TTL is unit-tested with an injected clock (role-cache.test.ts).
 */
import { expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 120_000)
afterAll(() => cloud.close())

it('reads the caller’s grants once while the instance is warm', async () => {
  const first = await cloud.call('demo-heshan-admin', 'admin.roles', { teamId: 'team-heshan' })
  const second = await cloud.call('demo-heshan-admin', 'admin.roles', { teamId: 'team-heshan' })
  expect(first.ok && second.ok).toBe(true)
  expect(second.dbRequests).toBe(first.dbRequests - 1)
})

it('stops a revoked administrator at once in the instance that revoked the grant', async () => {
  expect(await cloud.call('demo-medical-admin', 'admin.roles', { teamId: 'team-medical' })).toMatchObject({ ok: true })
  const [grant] = cloud.cloud.store.find('roles', { openid: 'demo-medical-admin' }) as { _id: string }[]
  await expectOk(cloud.call('demo-owner', 'admin.revokeRole', { roleId: grant._id }))
  expect(await cloud.call('demo-medical-admin', 'admin.roles', { teamId: 'team-medical' })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  })
})

it('suspends an organizer’s grants at once when they leave (退出)', async () => {
  const before = await expectOk(cloud.call('demo-organizer', 'volunteer.me', {}))
  expect(before.roles.map((g) => g.role)).toContain('organizer')
  await expectOk(cloud.call('demo-organizer', 'volunteer.leave', {}))
  const after = await expectOk(cloud.call('demo-organizer', 'volunteer.me', {}))
  expect(after.roles).toEqual([])
})
