import { makeIdNumber, validRegistration } from '../test/support/fixtures'
import { registrationSchema } from './registration'
import { validate } from './schemas'

const idNumber = makeIdNumber()

describe('registrationSchema', () => {
  it('accepts a complete registration and normalises the ID number', () => {
    const r = validate(registrationSchema, validRegistration({ idNumber: ` ${idNumber.toLowerCase()} ` }))
    expect(r).toMatchObject({ ok: true, value: { idNumber } })
  })

  it.each([
    ['name', { name: '李' }, '姓名至少 2 个字'],
    ['name', { name: ' ' }, '请填写姓名'],
    ['mobile', { mobile: '' }, '请填写手机号'],
    ['idNumber', { idNumber: '430902198503120031' }, '身份证号校验不通过，请核对'],
    ['idNumber', { idNumber: '4309021985' }, '身份证号应为 18 位'],
    ['gender', { gender: 'female' as const }, '性别与身份证号不符，请核对'],
    ['mobile', { mobile: '1380737100' }, '手机号格式不正确'],
    ['consent', { consent: false as unknown as true }, '请阅读并同意个人信息处理说明'],
    ['skills', { skills: [] }, '请至少选择一项服务技能'],
    ['availability.slots', { availability: { slots: [], note: '' } }, '请选择或填写服务时间'],
    ['source', { source: 'alien' as never }, '请选择志愿者来源'],
    ['employer', { employer: '  ' }, '请填写单位'],
  ])('refuses a bad %s with a Chinese message', (field, over, message) => {
    const r = validate(registrationSchema, validRegistration(over))
    expect(r).toEqual({ ok: false, field, message })
  })

  it('accepts free-text skills and availability instead of choices', () => {
    const r = validate(
      registrationSchema,
      validRegistration({ skills: [], skillsOther: '无人机植保', availability: { slots: [], note: '农闲时' } }),
    )
    expect(r.ok).toBe(true)
  })
})
