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

describe('registrationSchema limits and checks (boundaries)', () => {
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')
  const yearsAgo = (n: number, dayShift = 0) => {
    const d = new Date(Date.now() + 8 * 3_600_000)
    d.setUTCFullYear(d.getUTCFullYear() - n)
    d.setUTCDate(d.getUTCDate() + dayShift)
    return d.toISOString().slice(0, 10).replace(/-/g, '')
  }

  it('refuses an ID number born in the future', () => {
    const r = validate(registrationSchema, validRegistration({ idNumber: makeIdNumber(tomorrow, 3) }))
    expect(r).toMatchObject({ ok: false, field: 'idNumber', message: '身份证号的出生日期晚于今天，请核对' })
  })

  it('needs a guardian’s consent under 18, not from the 18th birthday on', () => {
    const minor = makeIdNumber(yearsAgo(18, 1), 3)
    expect(validate(registrationSchema, validRegistration({ idNumber: minor }))).toMatchObject({
      ok: false,
      field: 'guardianConsent',
    })
    expect(validate(registrationSchema, validRegistration({ idNumber: minor, guardianConsent: true })).ok).toBe(true)
    expect(validate(registrationSchema, validRegistration({ idNumber: makeIdNumber(yearsAgo(18), 3) })).ok).toBe(true)
  })

  it.each([
    ['X', 'X'],
    ['x', 'X'],
  ])('accepts an X check character only where the checksum gives X (%s)', (x) => {
    // 11010519491231002X is the standard's example; any other number ending in X is refused.
    expect(validate(registrationSchema.entries.idNumber, `11010519491231002${x}`).ok).toBe(true)
    expect(validate(registrationSchema.entries.idNumber, `11010519491231003${x}`).ok).toBe(false)
    expect(validate(registrationSchema.entries.idNumber, makeIdNumber().slice(0, 17) + x).ok).toBe(false)
  })

  it.each([
    ['name', 20, '姓'],
    ['employer', 60, '单'],
    ['position', 40, '职'],
    ['skillsOther', 60, '技'],
    ['specialty', 60, '长'],
  ] as const)('takes %s up to %i characters and refuses one more', (field, max, ch) => {
    expect(validate(registrationSchema, validRegistration({ [field]: ch.repeat(max) })).ok).toBe(true)
    expect(validate(registrationSchema, validRegistration({ [field]: ch.repeat(max + 1) }))).toMatchObject({
      ok: false,
      field,
    })
  })

  it('bounds the availability note and the number of slots', () => {
    const ok = validRegistration({ availability: { slots: ['weekend'], note: '时'.repeat(100) } })
    expect(validate(registrationSchema, ok).ok).toBe(true)
    const long = validRegistration({ availability: { slots: ['weekend'], note: '时'.repeat(101) } })
    expect(validate(registrationSchema, long)).toMatchObject({ ok: false, field: 'availability.note' })
    const many = validRegistration({ availability: { slots: Array(900_000).fill('weekend'), note: '' } })
    expect(validate(registrationSchema, many)).toMatchObject({ ok: false, field: 'availability.slots' })
  })

  it.each([
    ['NUL', '李\u0000明'],
    ['a bidi override', '李\u202e明'],
    ['a zero-width joiner', '赫山区第一中学\u200d'],
  ])('refuses %s in names and employers', (_, value) => {
    expect(validate(registrationSchema, validRegistration({ employer: value })).ok).toBe(false)
    expect(validate(registrationSchema, validRegistration({ name: value })).ok).toBe(false)
  })

  it('stores names in one Unicode form (NFC)', () => {
    const decomposed = '赫山区第一中学 Cafe\u0301'
    const r = validate(registrationSchema, validRegistration({ employer: decomposed }))
    expect(r).toMatchObject({ ok: true, value: { employer: '赫山区第一中学 Café' } })
  })
})
