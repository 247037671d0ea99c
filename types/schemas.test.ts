import { schemas, validate } from './schemas'

describe('validate', () => {
  it('accepts an empty payload for volunteer.me', () => {
    expect(validate(schemas['volunteer.me'], undefined)).toEqual({ ok: true, value: {} })
  })

  it('names the unknown field of a strict payload', () => {
    const r = validate(schemas['volunteer.me'], { openid: 'someone-else' })
    expect(r).toMatchObject({ ok: false, field: 'openid' })
  })

  it('refuses a limit above 50 with a Chinese message naming the field', () => {
    const r = validate(schemas['activity.list'], { tab: 'upcoming', limit: 500 })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.field).toBe('limit')
      expect(r.message).toContain('limit')
      expect(r.message).toMatch(/[\u4e00-\u9fff]/)
    }
  })
})
