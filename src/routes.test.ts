import { appUrl } from './routes'

test('encodes ids so a query character in one cannot break the URL', () => {
  expect(appUrl.activity('a&b=c')).toBe('/packages/volunteer/pages/activity/index?id=a%26b%3Dc')
  expect(appUrl.ticket('t 1')).toBe('/packages/volunteer/pages/ticket/index?id=t%201')
  expect(appUrl.editActivity('x?y')).toBe('/packages/organizer/pages/activity-edit/index?id=x%3Fy')
  expect(appUrl.copyActivity('a1')).toBe('/packages/organizer/pages/activity-edit/index?copyFrom=a1')
})
