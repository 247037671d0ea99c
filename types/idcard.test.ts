import { idCardCheckChar, maskIdNumber, maskMobile, parseIdCard } from './idcard'

// 11010519491231002X is the worked example of GB 11643-1999.
describe('parseIdCard', () => {
  it('reads birth date and gender from the standard example', () => {
    expect(parseIdCard('11010519491231002X')).toEqual({ birthDate: '1949-12-31', gender: 'female' })
  })

  it('accepts a lowercase x check character', () => {
    expect(parseIdCard('11010519491231002x')).not.toBeNull()
  })

  it('refuses a wrong check character', () => {
    expect(parseIdCard('110105194912310021')).toBeNull()
  })

  it('refuses an impossible date even with a matching check character', () => {
    const first17 = '43090219900230001'
    expect(parseIdCard(first17 + idCardCheckChar(first17))).toBeNull()
  })

  it('refuses the wrong length', () => {
    expect(parseIdCard('4309021990')).toBeNull()
  })

  it('derives male from an odd sequence digit', () => {
    const first17 = '43090219900101001'
    expect(parseIdCard(first17 + idCardCheckChar(first17))?.gender).toBe('male')
  })
})

describe('masking', () => {
  it('keeps the first three and last four characters of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X')
  })
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskMobile('13812345678')).toBe('138****5678')
  })
})
