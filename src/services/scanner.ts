/**
 * The camera behind the scan page. Taro picks `scanner.weapp.ts` (`wx.scanCode`) or `scanner.h5.ts`
 * (no camera API in a plain browser: the ticket text is typed or pasted); this file is the interface
 * both satisfy and the fallback for tests and targets without a camera.
 */
export type ScanResult =
  | { ok: true; text: string }
  /** `cancelled`: the user closed the camera; nothing to report. */
  | { ok: false; cancelled: boolean; message: string }

export interface Scanner {
  /** Whether `scan` opens a camera; without one the page offers only the text field. */
  camera: boolean
  scan(): Promise<ScanResult>
  /** A short buzz for a success, a longer one for anything else. */
  vibrate(kind: 'short' | 'long'): void
}

export const scanner: Scanner = {
  camera: false,
  scan: async () => ({ ok: false, cancelled: false, message: '当前环境不能扫码，请输入签到码文本' }),
  vibrate: () => undefined,
}
