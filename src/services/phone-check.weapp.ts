import { outcomeOf, REFUSED, type PhoneCheck } from './phone-check-shared'

/**
 * https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/getPhoneNumber.html — the
 * code comes only from the button's event, after WeChat's own confirmation sheet; the cloud function
 * turns it into the number (`phonenumber.getPhoneNumber`).
 */
export const phoneCheck: PhoneCheck = {
  available: true,
  openType: 'getPhoneNumber',
  request: async () => ({ ok: false, cancelled: false, message: REFUSED }),
  fromEvent: outcomeOf,
}
