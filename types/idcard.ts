/**
 * 居民身份证号码 (GB 11643-1999): 6-digit area, 8-digit birth date, 3-digit sequence
 * (odd = male, even = female) and an ISO 7064 MOD 11-2 check character.
 */
import type { Gender } from './enums'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

export interface IdCardFacts {
  birthDate: string // YYYY-MM-DD
  gender: Gender
}

export function idCardCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return CHECK_CHARS[sum % 11]
}

/**
 * Returns the birth date and gender encoded in a valid number, or null when it is not valid
 * (wrong length or check character, an impossible date, or a birth date after `today`).
 */
export function parseIdCard(raw: string, today: Date = new Date()): IdCardFacts | null {
  const id = raw.trim().toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return null
  if (idCardCheckChar(id.slice(0, 17)) !== id[17]) return null
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null
  }
  // Born tomorrow or later (China time): nobody holds that number yet.
  if (date.getTime() > today.getTime() + 8 * 3_600_000) return null
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  return { birthDate, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' }
}

/** 430***********123X — keeps the first three and last four characters. */
export function maskIdNumber(id: string): string {
  if (id.length <= 7) return '*'.repeat(id.length)
  return id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4)
}

/** 138****1234 */
export function maskMobile(mobile: string): string {
  if (mobile.length < 7) return '*'.repeat(mobile.length)
  return mobile.slice(0, 3) + '****' + mobile.slice(-4)
}

/** Whole years of age on `today` (China calendar), from a YYYY-MM-DD birth date. */
export function ageOn(birthDate: string, today: Date = new Date()): number {
  const t = new Date(today.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
  const years = Number(t.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return t.slice(5) < birthDate.slice(5) ? years - 1 : years
}
