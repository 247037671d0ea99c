/**
 * Quick fill through the local cloud with the real SDK: the ID card read from an uploaded photo
 * (`ocr.idcard`) and the mobile behind a `getPhoneNumber` code (`phonenumber.getPhoneNumber`), each
 * listed in the volunteer function's config.json, and the refusals that send the user back to typing.
 */
import { ID_CARD_FIXTURES, ID_CARD_FIXTURE_PREFIX } from '../../emulator/openapi-fixtures'
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
