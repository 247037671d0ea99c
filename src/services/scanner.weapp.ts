import Taro from '@tarojs/taro'
import type { Scanner } from './scanner'

const reason = (e: unknown) => (e instanceof Error ? e.message : ((e as { errMsg?: string } | null)?.errMsg ?? ''))

/**
 * https://developers.weixin.qq.com/miniprogram/dev/api/device/scan/wx.scanCode.html — camera only
 * (a photo from the album could be a screenshot passed around), QR codes only.
 */
export const scanner: Scanner = {
  camera: true,
  async scan() {
    try {
      const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      return r.result
        ? { ok: true, text: r.result }
        : { ok: false, cancelled: false, message: '没有读到二维码，请重试' }
    } catch (e) {
      if (/cancel/i.test(reason(e))) return { ok: false, cancelled: true, message: '' }
      console.warn('[scanner] scanCode failed', reason(e))
      return { ok: false, cancelled: false, message: '无法打开相机，请检查微信的相机权限，或输入签到码文本' }
    }
  },
  // https://developers.weixin.qq.com/miniprogram/dev/api/device/vibrate/wx.vibrateShort.html
  vibrate(kind) {
    const done = kind === 'short' ? Taro.vibrateShort({ type: 'medium' }) : Taro.vibrateLong()
    void Promise.resolve(done).catch(() => undefined)
  },
}
