import Taro from '@tarojs/taro'
import type { Network } from './network'

// https://developers.weixin.qq.com/miniprogram/dev/api/device/network/wx.onNetworkStatusChange.html
export const network: Network = {
  async isOnline() {
    try {
      return (await Taro.getNetworkType()).networkType !== 'none'
    } catch {
      return true
    }
  },
  onChange(listener) {
    const handler = (r: { isConnected: boolean }) => listener(r.isConnected)
    Taro.onNetworkStatusChange(handler)
    return () => Taro.offNetworkStatusChange(handler)
  },
}
