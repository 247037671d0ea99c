import type { Scanner } from './scanner'

/**
 * A plain browser has no scan API (Taro's scanCode even resolves without a result in production H5
 * builds), so the page takes the ticket text typed or pasted instead.
 */
export const scanner: Scanner = {
  camera: false,
  scan: async () => ({ ok: false, cancelled: false, message: '浏览器中不能扫码，请输入或粘贴签到码文本' }),
  vibrate(kind) {
    try {
      navigator.vibrate?.(kind === 'short' ? 60 : [120, 80, 120])
    } catch {
      // Not allowed without a user gesture in some browsers: the colour and text still show.
    }
  },
}
