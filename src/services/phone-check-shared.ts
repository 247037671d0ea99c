/**
 * What both phone-check adapters share. Kept apart from `phone-check.ts` because inside
 * `phone-check.weapp.ts` an import of `./phone-check` resolves to the adapter itself.
 */
export type PhoneCodeOutcome =
  | { ok: true; code: string }
  /** `cancelled`: the user said no in WeChat's sheet; the field stays for typing. */
  | { ok: false; cancelled: boolean; message: string }

export interface PhoneCheck {
  /** Whether to offer the quick check at all. */
  available: boolean
  /** WeChat's own button: the code arrives in its `getphonenumber` event, never from a tap handler. */
  openType: 'getPhoneNumber' | undefined
  /** Where there is no such button, a tap asks for a code here. */
  request(): Promise<PhoneCodeOutcome>
  /** The button's event detail (`{ code, errMsg }`) as an outcome. */
  fromEvent(detail: { code?: string; errMsg?: string }): PhoneCodeOutcome
}

export const REFUSED = '没有获取到手机号，请直接填写'

/** WeChat reports a refusal as `getPhoneNumber:fail user deny` (or `…:fail:user deny`). */
export function outcomeOf(detail: { code?: string; errMsg?: string }): PhoneCodeOutcome {
  if (detail.code) return { ok: true, code: detail.code }
  return { ok: false, cancelled: /deny|cancel/i.test(detail.errMsg ?? ''), message: REFUSED }
}
