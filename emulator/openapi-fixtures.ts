/**
 * Answers of the cloud's `ocr.idcard` and `phonenumber.getPhoneNumber` for the local cloud, from
 * fixtures, with the real error codes for bad input. Made-up people only (valid GB 11643 numbers).
 *
 * ID cards: an uploaded image whose bytes start with `IDCARD-FIXTURE:<key>` reads as that fixture;
 * any other image has no card in it. Phone codes: `phone-code-<11 digits>` (optionally `-<nonce>`) is
 * that mobile; a code works once, like WeChat's (each code is single-use and lives 5 minutes).
 */
import { idCardCheckChar } from '../types/idcard'

const withCheck = (first17: string) => first17 + idCardCheckChar(first17)

export const ID_CARD_FIXTURES: Record<string, Record<string, string>> = {
  /** A retired teacher of 赫山区 (area code 430903), born 1956-03-12, a woman. */
  'front-heshan': {
    type: 'Front',
    name: '刘桂英',
    id: withCheck('43090319560312004'),
    addr: '湖南省益阳市赫山区',
    gender: '女',
    nationality: '汉',
  },
  back: { type: 'Back', valid_date: '20160105-20360105' },
}

export const ID_CARD_FIXTURE_PREFIX = 'IDCARD-FIXTURE:'

export type OpenApiAnswer = { errcode: number; errmsg: string } & Record<string, unknown>

/** `ocr.idcard` given the image the URL points at (undefined: not an image this cloud serves). */
export function readIdCard(image: Buffer | undefined): OpenApiAnswer {
  if (!image) return { errcode: 101000, errmsg: 'invalid image url' }
  const text = image.subarray(0, 64).toString('utf8')
  const key = text.startsWith(ID_CARD_FIXTURE_PREFIX) ? text.slice(ID_CARD_FIXTURE_PREFIX.length).trim() : ''
  const fixture = ID_CARD_FIXTURES[key]
  if (!fixture) return { errcode: 101001, errmsg: 'certificate not found' }
  return { errcode: 0, errmsg: 'ok', ...fixture }
}

const usedCodes = new Set<string>()

/** `phonenumber.getPhoneNumber` for a `getPhoneNumber` button's code. */
export function phoneNumber(code: unknown): OpenApiAnswer {
  const m = typeof code === 'string' ? /^phone-code-(1\d{10})(?:-[a-z0-9]{1,16})?$/.exec(code) : null
  if (!m || usedCodes.has(code as string)) return { errcode: 40029, errmsg: 'invalid code' }
  usedCodes.add(code as string)
  return {
    errcode: 0,
    errmsg: 'ok',
    phone_info: {
      phoneNumber: `+86${m[1]}`,
      purePhoneNumber: m[1],
      countryCode: '86',
      watermark: { timestamp: Math.floor(Date.now() / 1000), appid: 'local' },
    },
  }
}

/**
 * The mobile WeChat would vouch for, for any openid of the local cloud: the same number every time
 * for one user (a made-up 139 number), so a browser journey can check what the form shows.
 */
export function devMobileOf(openid: string): string {
  let h = 2166136261
  for (const ch of openid) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0
  return `139${String(h % 100_000_000).padStart(8, '0')}`
}

let nonce = 0
/** A fresh one-time code for `openid`'s number: the browser's stand-in for the getPhoneNumber button. */
export const phoneCodeFor = (openid: string) => `phone-code-${devMobileOf(openid)}-${(++nonce).toString(36)}`
