/**
 * 长辈模式: larger text and targets, stronger contrast. The user's own choice (the switch on 我的) is
 * kept on the phone; without one, it follows WeChat's text size: on when that is set large.
 */
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { fontSizeSetting } from './font-setting'

export const ELDER_KEY = 'elder-mode'
/** WeChat's standard text size is 16 px; anything above it is one of the "large" settings. */
export const LARGE_FONT_SETTING = 17

type Choice = 'on' | 'off'

/** What the user chose on 我的, if anything. */
function storedChoice(): Choice | undefined {
  try {
    const v: unknown = Taro.getStorageSync(ELDER_KEY)
    return v === 'on' || v === 'off' ? v : undefined
  } catch {
    return undefined
  }
}

/** On when the user turned it on, or when they never chose and WeChat's text is large. */
export function elderFrom(choice: Choice | undefined, fontSetting: number | undefined): boolean {
  if (choice) return choice === 'on'
  return fontSetting !== undefined && fontSetting >= LARGE_FONT_SETTING
}

let current: boolean | undefined
const listeners = new Set<(on: boolean) => void>()

export function isElderMode(): boolean {
  current ??= elderFrom(storedChoice(), fontSizeSetting())
  return current
}

export function setElderMode(on: boolean): void {
  current = on
  try {
    Taro.setStorageSync(ELDER_KEY, on ? 'on' : 'off')
  } catch {
    // Storage full or refused: the choice still holds until the app is closed.
  }
  for (const l of listeners) l(on)
}

/** Forgets the in-memory value (tests, and a storage cleared from outside). */
export function resetElderMode(): void {
  current = undefined
}

export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(isElderMode)
  useEffect(() => {
    listeners.add(setOn)
    setOn(isElderMode())
    return () => {
      listeners.delete(setOn)
    }
  }, [])
  return [on, setElderMode]
}
