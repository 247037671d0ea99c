import { me } from '../../../test/support/activity-fixtures'
import { certificateEntries, toMeScreen } from './use-me'

test('offers 服务记录证明 to activated volunteers, kept after leaving', () => {
  expect(certificateEntries('active').map((e) => e.url)).toEqual(['/packages/volunteer/pages/certificate/index'])
  expect(certificateEntries('left').map((e) => e.key)).toEqual(['certificate'])
})

test('no certificate before activation', () => {
  for (const s of ['unregistered', 'pending', 'rejected', 'approved'] as const)
    expect(certificateEntries(s)).toEqual([])
})

test('the me screen lists it after 我的活动', () => {
  expect(toMeScreen(me({ serviceHours: 4 })).service.map((e) => e.key)).toEqual([
    'my-activities',
    'service-records',
    'certificate',
  ])
})
