import type { HoldBrightScreen } from './screen'

interface WakeLockSentinel {
  release(): Promise<void>
}
type WakeLockNavigator = Navigator & { wakeLock?: { request(type: 'screen'): Promise<WakeLockSentinel> } }

/**
 * A browser cannot set the brightness; the Screen Wake Lock API keeps the screen on where it exists
 * (it needs a secure context, so on a plain http dev server it is simply absent).
 */
export const holdBrightScreen: HoldBrightScreen = async () => {
  let lock: WakeLockSentinel | undefined
  try {
    lock = await (navigator as WakeLockNavigator).wakeLock?.request('screen')
  } catch {
    // Refused (page hidden, battery saver): the code still shows.
  }
  return () => {
    void lock?.release().catch(() => undefined)
  }
}
