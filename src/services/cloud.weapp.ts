import Taro from '@tarojs/taro'
import type { Invoke } from './cloud'

let initialized = false

// wx.cloud.init must run once before the first call; doing it lazily keeps app start free of it.
// Exported for the other wx.cloud users (storage uploads in files.weapp.ts).
// https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-sdk-api/init/client.init.html
export function ensureInit() {
  if (initialized) return
  Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true })
  initialized = true
}

/** Calls the cloud function; the platform adds the caller's OPENID, so the payload never carries it. */
export const invoke: Invoke = async (name, payload) => {
  ensureInit()
  const res = await Taro.cloud.callFunction({ name, data: payload })
  return res.result
}
