import { input } from '../../../../../test/support/activity-fixtures'
import { check, emptyForm, fieldErrors, fromInput, toInstant } from './form'

test('China date and time become the same instant whatever the phone’s zone', () => {
  expect(toInstant('2030-09-20', '09:30')).toBe('2030-09-20T01:30:00.000Z')
  expect(toInstant('2030-09-20', '')).toBeUndefined()
})

test('an activity read back into the form checks out as the same input', () => {
  const i = input({ location: { latitude: 28.5, longitude: 112.3 } })
  const r = check(fromInput(i))
  expect(r).toEqual({ ok: true, value: i })
})

test('an empty form names every required field at once', () => {
  const e = fieldErrors(emptyForm())
  expect(e).toMatchObject({
    teamId: '缺少编号',
    title: '请填写活动名称',
    type: '请选择活动类型',
    venueKind: '请选择阵地',
    address: '请填写活动地点',
    startAt: '请选择开始时间',
    endAt: '请选择结束时间',
    signupDeadline: '请选择报名截止时间',
    capacity: '请填写人数上限',
    'contact.name': '请填写联系人',
    'contact.phone': '请填写联系电话',
    insured: '请说明是否已购买意外保险',
  })
})

test('the time rules show while other fields are still empty', () => {
  const f = {
    ...emptyForm(),
    startDate: '2030-09-20',
    startTime: '09:30',
    endDate: '2030-09-20',
    endTime: '08:00',
    deadlineDate: '2030-09-21',
    deadlineTime: '10:00',
  }
  const e = fieldErrors(f)
  expect(e.endAt).toBe('结束时间应晚于开始时间')
  expect(e.signupDeadline).toBe('报名截止时间不能晚于开始时间')
  expect(e.title).toBe('请填写活动名称')
})

test('a capacity that is not a whole number is refused', () => {
  const f = fromInput(input())
  expect(fieldErrors({ ...f, capacity: '3.5' }).capacity).toBe('请填写人数上限')
  expect(fieldErrors({ ...f, capacity: '0' }).capacity).toBe('人数上限至少为 1')
  expect(fieldErrors(f)).toEqual({})
})
