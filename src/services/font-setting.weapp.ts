import Taro from '@tarojs/taro'
import type { FontSizeSetting } from './font-setting'

/** https://developers.weixin.qq.com/miniprogram/dev/api/base/system/wx.getSystemInfoSync.html */
export const fontSizeSetting: FontSizeSetting = () => {
  try {
    return Taro.getSystemInfoSync().fontSizeSetting
  } catch {
    return undefined
  }
}
