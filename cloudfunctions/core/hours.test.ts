import { serviceMinutes, toHours } from './hours'

const at = (hm: string, day = '2030-09-20') => new Date(`${day}T${hm}:00+08:00`)
const window = { startAt: at('09:00'), endAt: at('12:00') }
const rule = { stepMinutes: 30, minMinutes: 15 }

test.each([
  ['the whole window', '09:00', '12:00', 180],
  ['early arrival counts from the start', '08:10', '12:00', 180],
  ['late departure counts to the end', '09:00', '15:30', 180],
  ['rounded down to half hours', '09:00', '10:59', 90],
  ['exactly one step', '09:30', '10:00', 30],
  ['under a step but over the minimum rounds down to nothing', '09:00', '09:20', 0],
  ['under the minimum counts nothing', '09:00', '09:14', 0],
  ['check-out before check-in counts nothing', '11:00', '10:00', 0],
  ['entirely before the window counts nothing', '07:00', '08:30', 0],
])('%s', (_what, inAt, outAt, minutes) => {
  expect(serviceMinutes(at(inAt), at(outAt), window, rule)).toBe(minutes)
})

test('an activity past midnight yields its real length, never zero or negative', () => {
  const night = { startAt: at('22:00', '2030-09-20'), endAt: at('02:00', '2030-09-21') }
  expect(serviceMinutes(at('22:05', '2030-09-20'), at('01:50', '2030-09-21'), night, rule)).toBe(210)
})

test('the rule is configurable', () => {
  expect(serviceMinutes(at('09:00'), at('10:50'), window, { stepMinutes: 60, minMinutes: 60 })).toBe(60)
  expect(serviceMinutes(at('09:00'), at('09:40'), window, { stepMinutes: 60, minMinutes: 60 })).toBe(0)
})

test('hours show with one decimal', () => {
  expect(toHours(90)).toBe(1.5)
  expect(toHours(0)).toBe(0)
})
