/**
 * WeChat's phone-number quick check for the registration form. In the mini program it is a button
 * (`openType="getPhoneNumber"`) whose event carries a one-time code; `phone-check.weapp.ts` says so.
 * `phone-check.h5.ts` stands in for it in the browser build; this file is the interface both satisfy
 * and the fallback where neither exists (tests, other targets): no quick check, the number is typed.
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

export const phoneCheck: PhoneCheck = {
  available: false,
  openType: undefined,
  request: async () => ({ ok: false, cancelled: false, message: REFUSED }),
  fromEvent: outcomeOf,
}
