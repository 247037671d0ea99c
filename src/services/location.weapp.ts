import Taro from '@tarojs/taro'
import type { LocationService } from './location'

const isCancel = (e: unknown) => /cancel/i.test((e as { errMsg?: string } | null)?.errMsg ?? '')

export const location: LocationService = {
  available: true,
  // https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.chooseLocation.html
  async choose() {
    try {
      const r = await Taro.chooseLocation({})
      return { latitude: r.latitude, longitude: r.longitude, name: r.name, address: r.address }
    } catch (e) {
      if (!isCancel(e)) console.warn('[location] chooseLocation failed', (e as { errMsg?: string })?.errMsg)
      return null
    }
  },
  // https://developers.weixin.qq.com/miniprogram/dev/api/location/wx.openLocation.html
  async open(point, name, address) {
    try {
      await Taro.openLocation({ ...point, name, address, scale: 16 })
    } catch (e) {
      console.warn('[location] openLocation failed', (e as { errMsg?: string })?.errMsg)
    }
  },
}
