import { me } from '../../../test/support/activity-fixtures'
import { certificateEntries, toMeScreen } from './use-me'

test('offers 服务记录证明 to volunteers with service to certify, kept after leaving', () => {
  expect(certificateEntries('active', 3).map((e) => e.url)).toEqual(['/packages/volunteer/pages/certificate/index'])
  expect(certificateEntries('left', 1.5).map((e) => e.key)).toEqual(['certificate'])
})

test('no certificate without hours or before activation', () => {
  expect(certificateEntries('active', 0)).toEqual([])
  expect(certificateEntries('pending', 5)).toEqual([])
})

test('the me screen lists it after 我的活动', () => {
  expect(toMeScreen(me({ serviceHours: 4 })).service.map((e) => e.key)).toEqual(['my-activities', 'certificate'])
})
