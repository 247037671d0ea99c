import { devOpenid } from './cloud.h5'
import { outcomeOf, REFUSED, type PhoneCheck } from './phone-check-shared'

/**
 * The browser build runs only against the local dev server (production ships the weapp build), which
 * stands in for WeChat here as it does for the caller (`cloud.h5.ts`): it hands out a one-time code
 * for the acting user's demo number, which the function exchanges like a real one.
 */
export const phoneCheck: PhoneCheck = {
  available: true,
  openType: undefined,
  async request() {
    try {
      const res = await fetch('/__dev/phone-code', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid: devOpenid() }),
      })
      const body = (await res.json()) as { code?: unknown }
      return typeof body.code === 'string'
        ? { ok: true, code: body.code }
        : { ok: false, cancelled: false, message: REFUSED }
    } catch {
      return { ok: false, cancelled: false, message: REFUSED }
    }
  },
  fromEvent: outcomeOf,
}
