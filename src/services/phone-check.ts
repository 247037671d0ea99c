/**
 * WeChat's phone-number quick check for the registration form. In the mini program it is a button
 * (`openType="getPhoneNumber"`) whose event carries a one-time code; `phone-check.weapp.ts` says so.
 * `phone-check.h5.ts` stands in for it in the browser build; this file is the interface both satisfy
 * and the fallback where neither exists (tests, other targets): no quick check, the number is typed.
 */
import { outcomeOf, REFUSED, type PhoneCheck } from './phone-check-shared'

export { outcomeOf, REFUSED, type PhoneCheck, type PhoneCodeOutcome } from './phone-check-shared'

export const phoneCheck: PhoneCheck = {
  available: false,
  openType: undefined,
  request: async () => ({ ok: false, cancelled: false, message: REFUSED }),
  fromEvent: outcomeOf,
}
