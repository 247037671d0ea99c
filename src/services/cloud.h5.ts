import type { Invoke } from './cloud'

/**
 * In the browser there is no WeChat to vouch for the caller: the local dev server runs the function
 * as the WeChat user whose openid the dev-only identity switcher stored. Production ships only the
 * weapp build, so this adapter never faces real users.
 */
const OPENID_KEY = 'dev-openid'

/** The WeChat user the dev server acts as (other browser stand-ins send it too). */
export const devOpenid = () => localStorage.getItem(OPENID_KEY) ?? ''

export const invoke: Invoke = async (name, payload) => {
  const openid = devOpenid()
  const res = await fetch('/__dev/call', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid, name, data: payload }),
  })
  if (!res.ok) throw new Error(`[cloud] /__dev/call answered HTTP ${res.status}`)
  return res.json()
}
