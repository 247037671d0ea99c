/**
 * The memberOf migration's write condition, raced deterministically: the repository runs in this
 * process over the real wx-server-sdk against the local cloud, so a change can land between its
 * read of the records lacking memberOf and its fill, as an accepted invitation or a 退出 would.
 */
import type { VolunteerRepository } from '../../cloudfunctions/core/repositories/volunteer.repository'
import { startTestCloud, type TestCloud } from '../support/dev-cloud'

let cloud: TestCloud
let volunteers: VolunteerRepository
beforeAll(async () => {
  cloud = await startTestCloud()
  // A function's environment (emulator/index.ts), pointed at the local cloud's service API.
  Object.assign(process.env, {
    TENCENTCLOUD_SECRETID: 'local-secret-id',
    TENCENTCLOUD_SECRETKEY: 'local-secret-key',
    TENCENTCLOUD_SESSIONTOKEN: 'local-session-token',
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: 'local',
    TCB_ENV: 'local',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${cloud.cloud.url}/admin` }),
  })
  const { db } = await import('../../cloudfunctions/core/db')
  const { volunteerRepository } = await import('../../cloudfunctions/core/repositories/volunteer.repository')
  volunteers = volunteerRepository(db)
}, 60_000)
afterAll(() => cloud?.close())

const PATH = ['team-city', 'team-heshan']
const record = (openid: string) => ({
  _id: `vol-${openid}`,
  openid,
  status: 'active',
  idNumberHash: `hash-${openid}`,
  team: { id: 'team-heshan', name: '赫山区科技志愿者支队', kind: 'county' },
  teamPath: PATH,
})
const memberOf = (openid: string) => cloud.cloud.store.find('volunteers', { openid })[0].memberOf

it('fills only records still activated and still without memberOf when it writes', async () => {
  const store = cloud.cloud.store
  store.insert('volunteers', ['m-still', 'm-invited', 'm-left'].map(record))
  const read = await volunteers.lackingMemberOf(1000)
  expect(read.filter((v) => v.id.startsWith('vol-m-')).map((v) => v.id)).toEqual([
    'vol-m-still',
    'vol-m-invited',
    'vol-m-left',
  ])
  // Between the read and the fill: one accepts an invitation (memberOf written), one leaves.
  store.update('volunteers', { openid: 'm-invited' }, { $set: { memberOf: [...PATH, 'team-medical'] } })
  store.update('volunteers', { openid: 'm-left' }, { $set: { status: 'left' } })
  const filled = await volunteers.fillMemberOf(['vol-m-still', 'vol-m-invited', 'vol-m-left'], PATH)
  expect(filled).toBe(1)
  expect(memberOf('m-still')).toEqual(PATH)
  expect(memberOf('m-invited')).toEqual([...PATH, 'team-medical'])
  expect(memberOf('m-left')).toBeUndefined()
})
