import { chinaDay } from './china-day'

test('names the China day of an instant as the contract writes days', () => {
  // 16:00Z on 31 December is already New Year's Day in Yiyang; a second earlier it is not.
  expect(chinaDay(new Date('2024-12-31T16:00:00.000Z'))).toBe('2025-01-01')
  expect(chinaDay(Date.parse('2024-12-31T15:59:59.999Z'))).toBe('2024-12-31')
})
