/**
 * 代为注册 through the local cloud: a family member or team leader registers an elder, the record is
 * the elder's and says who acted, the result reaches the helper, and the elder claims it.
 */
import type { MeView, ProxyReceipt, ReviewDetail } from '../../types/api'
import type { ProxyRegistrationInput } from '../../types/proxy'
import { makeIdNumber, validRegistration } from '../support/fixtures'
import { codeSentTo, expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 60_000)
afterAll(() => cloud?.close())

let seq = 300
/** An elder's registration (a woman born in 1952: an even sequence), made by a new helper account. */
function elder(over: Partial<ProxyRegistrationInput['proxy']> = {}) {
  seq += 2
  const registration = validRegistration({
    name: '王秀英',
    gender: 'female',
    idNumber: makeIdNumber('19520304', seq),
    mobile: `137${String(seq).padStart(8, '0')}`,
  })
  return {
    helper: `wx-helper-${seq}`,
    data: {
      registration,
      proxy: { relation: 'family' as const, elderName: '王秀英', consent: true as const, ...over },
    },
  }
}

const records = () => cloud.cloud.store.find('volunteers', {}).length
const audits = () => cloud.cloud.store.find('audit_logs', { action: 'proxy' }).length
const byIdMasked = (idNumber: string) =>
  cloud.cloud.store.find('volunteers', { idNumberMasked: idNumber.slice(0, 3) + '*'.repeat(11) + idNumber.slice(-4) })

it('registers an elder under their own record, saying who acted and what they confirmed, audited', async () => {
  const p = elder()
  const r = await cloud.call(p.helper, 'volunteer.registerFor', p.data)
  const receipt = await expectOk<ProxyReceipt>(Promise.resolve(r))
  // The helper is told only what they entered, masked.
  expect(Object.keys(receipt).sort()).toEqual(['idNumberMasked', 'mobileMasked', 'name', 'status', 'team'])
  expect(receipt).toMatchObject({ name: '王秀英', status: 'pending', team: { id: 'team-heshan' } })
  expect(JSON.stringify(receipt)).not.toContain(p.data.registration.idNumber)
  expect(JSON.stringify(receipt)).not.toContain(p.data.registration.mobile)
  // team, "taken" allowance, lookup by number, audit, insert
  expect(r.dbRequests).toBe(5)

  const [stored] = byIdMasked(p.data.registration.idNumber)
  expect(stored).toMatchObject({
    status: 'pending',
    openid: expect.stringMatching(/^unclaimed:/),
    proxy: { by: p.helper, relation: 'family', statement: expect.stringContaining('王秀英本人同意由本人代为注册') },
  })
  const [audit] = cloud.cloud.store.find('audit_logs', { action: 'proxy', target: stored._id })
  expect(audit).toMatchObject({ by: p.helper, teamPath: expect.arrayContaining(['team-heshan']) })
  // The helper's own 我的 is untouched: the record is not theirs.
  expect(await expectOk<MeView>(cloud.call(p.helper, 'volunteer.me', {}))).toMatchObject({
    status: 'unregistered',
    profile: null,
  })
  const detail = await expectOk<ReviewDetail>(
    cloud.call('demo-heshan-admin', 'admin.reviewDetail', { volunteerId: stored._id }),
  )
  expect(detail.proxy).toMatchObject({ relation: 'family', statement: stored.proxy.statement })
})

it('sends the approval to the helper, and the elder claims the record with their ID number and the code', async () => {
  const p = elder({ relation: 'team_leader' })
  await expectOk(cloud.call(p.helper, 'volunteer.registerFor', p.data))
  const [stored] = byIdMasked(p.data.registration.idNumber)
  await expectOk(
    cloud.call('demo-heshan-admin', 'admin.approve', { items: [{ volunteerId: stored._id, revision: 0 }] }),
  )
  const [msg] = cloud.cloud.outbox().filter((m) => m.touser === p.helper)
  expect(msg.page).toMatch(/mode=claim&code=\d{6}$/)
  const notice = (await expectOk<MeView>(cloud.call(p.helper, 'volunteer.me', {}))).notices[0]
  expect(notice).toMatchObject({ title: '代为注册审核已通过', body: expect.stringContaining('转交王秀英本人') })
  const code = codeSentTo(cloud, p.helper)
  expect(notice.body).not.toContain(code)

  const me = await expectOk<MeView>(
    cloud.call('wx-elder-own', 'volunteer.claim', { idNumber: p.data.registration.idNumber, code }),
  )
  expect(me).toMatchObject({ status: 'active', profile: { name: '王秀英' } })
  expect(cloud.cloud.store.find('volunteers', { _id: stored._id })[0]).toMatchObject({
    openid: 'wx-elder-own',
    proxy: { by: p.helper, relation: 'team_leader' },
  })
})

it('tells the helper a rejection, and lets them (and nobody else) submit it again on the same record', async () => {
  const p = elder()
  await expectOk(cloud.call(p.helper, 'volunteer.registerFor', p.data))
  const [stored] = byIdMasked(p.data.registration.idNumber)
  await expectOk(
    cloud.call('demo-heshan-admin', 'admin.reject', { volunteerId: stored._id, revision: 0, reason: '单位请写全称' }),
  )
  const notice = (await expectOk<MeView>(cloud.call(p.helper, 'volunteer.me', {}))).notices[0]
  expect(notice).toMatchObject({ title: '代为注册审核未通过', body: expect.stringContaining('单位请写全称') })

  const other = await cloud.call('wx-helper-other', 'volunteer.registerFor', p.data)
  expect(other).toMatchObject({ ok: false, code: 'ID_NUMBER_TAKEN' })
  const again = { ...p.data, registration: { ...p.data.registration, employer: '益阳市第一中学（退休）' } }
  await expectOk(cloud.call(p.helper, 'volunteer.registerFor', again))
  const now = cloud.cloud.store.find('volunteers', { _id: stored._id })[0]
  expect(now).toMatchObject({ status: 'pending', resubmitted: true, employer: '益阳市第一中学（退休）', revision: 1 })
  expect(byIdMasked(p.data.registration.idNumber)).toHaveLength(1)
})

describe('refusals write nothing', () => {
  const refused = async (openid: string, data: unknown) => {
    const before = { records: records(), audits: audits() }
    const r = await cloud.raw(openid, 'volunteer', { action: 'registerFor', data })
    expect({ records: records(), audits: audits() }).toEqual(before)
    return r
  }

  it('refuses a consent statement that names someone else', async () => {
    const p = elder({ elderName: '王秀兰' })
    expect(await refused(p.helper, p.data)).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'proxy.elderName',
      message: '同意声明中的姓名须与被注册人的姓名一致',
    })
  })

  it('refuses without the consent, with an unknown relation, or with fields of its own', async () => {
    const p = elder()
    expect(await refused(p.helper, { ...p.data, proxy: { ...p.data.proxy, consent: false } })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '请确认被注册人本人已同意',
    })
    expect(await refused(p.helper, { ...p.data, proxy: { ...p.data.proxy, relation: 'stranger' } })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '请选择您与被注册人的关系',
    })
    expect(await refused(p.helper, { ...p.data, proxy: { ...p.data.proxy, by: 'demo-city-admin' } })).toMatchObject({
      code: 'INVALID_INPUT',
    })
    expect(await refused(p.helper, { registration: p.data.registration })).toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('refuses a number someone already registered, as "taken", without an audit entry', async () => {
    const p = elder()
    await expectOk(cloud.call(p.helper, 'volunteer.registerFor', p.data))
    expect(await refused('wx-helper-probe', p.data)).toMatchObject({ ok: false, code: 'ID_NUMBER_TAKEN' })
  })
})
