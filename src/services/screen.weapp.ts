import Taro from '@tarojs/taro'
import type { HoldBrightScreen } from './screen'

const warn = (what: string) => (e: unknown) => {
  console.warn(`[screen] ${what} failed`, (e as { errMsg?: string } | null)?.errMsg ?? e)
}

/**
 * https://developers.weixin.qq.com/miniprogram/dev/api/device/screen/wx.setScreenBrightness.html —
 * WeChat restores the brightness itself when the user leaves the mini program, but not when they
 * leave the page, so the previous value is read first and put back on release.
 */
export const holdBrightScreen: HoldBrightScreen = async () => {
  let previous: number | undefined
  try {
    previous = (await Taro.getScreenBrightness()).value
  } catch (e) {
    warn('getScreenBrightness')(e)
  }
  Taro.setScreenBrightness({ value: 1 }).catch(warn('setScreenBrightness'))
  Taro.setKeepScreenOn({ keepScreenOn: true }).catch(warn('setKeepScreenOn'))
  return () => {
    if (previous !== undefined) Taro.setScreenBrightness({ value: previous }).catch(warn('restore brightness'))
    Taro.setKeepScreenOn({ keepScreenOn: false }).catch(warn('setKeepScreenOn'))
  }
}
