/**
 * Quick fill through the local cloud with the real SDK: the ID card read from an uploaded photo
 * (`ocr.idcard`) and the mobile behind a `getPhoneNumber` code (`phonenumber.getPhoneNumber`), each
 * listed in the volunteer function's config.json, and the refusals that send the user back to typing.
 */
import { devMobileOf, ID_CARD_FIXTURES, ID_CARD_FIXTURE_PREFIX } from '../../emulator/openapi-fixtures'
import { expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
}, 60_000)
afterAll(() => cloud?.close())

jest.setTimeout(30_000)

const USER = 'wx-quickfill-1'
const photo = (key: string) => cloud.upload(`idcard/${USER}/${key}.jpg`, Buffer.from(ID_CARD_FIXTURE_PREFIX + key))

it('reads name, ID number and gender from the front of an ID card, and deletes the photo', async () => {
  const fileID = await photo('front-heshan')
  const read = await expectOk(cloud.call(USER, 'volunteer.readIdCard', { fileID }))
  expect(read).toEqual({ name: '刘桂英', idNumber: ID_CARD_FIXTURES['front-heshan'].id, gender: 'female' })
  // Read once: the photo is gone afterwards.
  const again = await cloud.call(USER, 'volunteer.readIdCard', { fileID })
  expect(again).toMatchObject({ ok: false, code: 'ID_CARD_UNREADABLE' })
})

it('tells the caller their own upload folder, without a database request, and reads a photo from it', async () => {
  const r = await cloud.call(USER, 'volunteer.idCardFolder', {})
  expect(r.dbRequests).toBe(0)
  const { cloudDir } = await expectOk(Promise.resolve(r))
  expect(cloudDir).toBe(`idcard/${USER}`)
  const fileID = await cloud.upload(`${cloudDir}/1.jpg`, Buffer.from(ID_CARD_FIXTURE_PREFIX + 'front-heshan'))
  expect(await expectOk(cloud.call(USER, 'volunteer.readIdCard', { fileID }))).toMatchObject({ name: '刘桂英' })
})

it('refuses a photo outside the caller’s own folder, and leaves it in place', async () => {
  const fileID = await photo('front-heshan')
  const r = await cloud.call('wx-quickfill-stranger', 'volunteer.readIdCard', { fileID })
  expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(cloud.cloud.storage.download(fileID)).toBeDefined()
  const roster = await cloud.upload(`rosters/team-heshan/${USER}/list.jpg`, Buffer.from('x'))
  expect(await cloud.call(USER, 'volunteer.readIdCard', { fileID: roster })).toMatchObject({ code: 'FORBIDDEN' })
  expect(cloud.cloud.storage.download(roster)).toBeDefined()
})

it('refuses the back of the card and a photo with no card, for typing instead', async () => {
  for (const key of ['back', 'a-cat']) {
    const r = await cloud.call(USER, 'volunteer.readIdCard', { fileID: await photo(key) })
    expect(r).toMatchObject({ ok: false, code: 'ID_CARD_UNREADABLE' })
  }
})

it('turns a phone-number code into the verified mobile, once', async () => {
  const code = 'phone-code-13907370035'
  expect(await expectOk(cloud.call(USER, 'volunteer.phoneNumber', { code }))).toEqual({ mobile: '13907370035' })
  expect(await cloud.call(USER, 'volunteer.phoneNumber', { code })).toMatchObject({
    ok: false,
    code: 'PHONE_CODE_INVALID',
  })
  expect(await cloud.call(USER, 'volunteer.phoneNumber', { code: 'made-up' })).toMatchObject({
    ok: false,
    code: 'PHONE_CODE_INVALID',
  })
})

it('the dev server stands in for the getPhoneNumber button: a fresh code for the acting user each time', async () => {
  const codeOf = async () => {
    const res = await fetch(`${cloud.url}/__dev/phone-code`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: USER }),
    })
    return ((await res.json()) as { code: string }).code
  }
  const mobile = devMobileOf(USER)
  expect(mobile).toMatch(/^139\d{8}$/)
  for (let i = 0; i < 2; i++) {
    expect(await expectOk(cloud.call(USER, 'volunteer.phoneNumber', { code: await codeOf() }))).toEqual({ mobile })
  }
})
