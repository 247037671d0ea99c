import Taro from '@tarojs/taro'
import type { Guard } from './leave-guard'

/** https://developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.enableAlertBeforeUnload.html */
export const guardLeave: Guard = (message) => {
  try {
    if (message) Taro.enableAlertBeforeUnload({ message })
    else Taro.disableAlertBeforeUnload()
  } catch {
    // Older WeChat without it: the draft still keeps what was typed.
  }
}
