/**
 * A small stand-in for `@tarojs/taro` under jest (mapped in jest.config.js). Page lifecycle hooks
 * register their callbacks so a test can fire them with `fireLifecycle('reachBottom')`; APIs that
 * leave the page (navigation, toasts) are jest.fn so tests can assert on them.
 */
import { useEffect, useRef } from 'react'

export type Lifecycle = 'didShow' | 'didHide' | 'pullDownRefresh' | 'reachBottom' | 'load' | 'ready' | 'shareAppMessage'

const handlers: Record<Lifecycle, Set<() => unknown>> = {
  didShow: new Set(),
  didHide: new Set(),
  pullDownRefresh: new Set(),
  reachBottom: new Set(),
  load: new Set(),
  ready: new Set(),
  shareAppMessage: new Set(),
}

function lifecycleHook(name: Lifecycle) {
  return function useLifecycle(callback: () => unknown) {
    const latest = useRef(callback)
    latest.current = callback
    useEffect(() => {
      const h = () => latest.current()
      handlers[name].add(h)
      return () => {
        handlers[name].delete(h)
      }
    }, [])
  }
}

/** Runs every mounted callback of a page lifecycle hook and waits for the async ones. */
export async function fireLifecycle(name: Lifecycle): Promise<void> {
  await Promise.all([...handlers[name]].map((h) => h()))
}

export const useDidShow = lifecycleHook('didShow')
export const useDidHide = lifecycleHook('didHide')
export const usePullDownRefresh = lifecycleHook('pullDownRefresh')
export const useReachBottom = lifecycleHook('reachBottom')
export const useLoad = lifecycleHook('load')
export const useReady = lifecycleHook('ready')
export const useShareAppMessage = lifecycleHook('shareAppMessage')

/** What the page's `useShareAppMessage` callback answers when the user shares it to a chat. */
export function shareAppMessage(): unknown {
  const [h] = [...handlers.shareAppMessage]
  return h ? h() : undefined
}
export const useLaunch = (_callback: () => unknown) => undefined
export const useRouter = () => ({ params: {} as Record<string, string>, path: '' })

const ok = () => jest.fn(() => Promise.resolve({ errMsg: 'ok' }))

/** `Taro.setStorage`/`getStorage` over a Map; values go through JSON as on the phone. */
const storage = new Map<string, string>()
export function resetStorage() {
  storage.clear()
}
function getStorage({ key }: { key: string }) {
  const v = storage.get(key)
  return v === undefined
    ? Promise.reject({ errMsg: 'getStorage:fail data not found' })
    : Promise.resolve({ data: JSON.parse(v), errMsg: 'getStorage:ok' })
}
function setStorage({ key, data }: { key: string; data: unknown }) {
  storage.set(key, JSON.stringify(data))
  return Promise.resolve({ errMsg: 'setStorage:ok' })
}
function removeStorage({ key }: { key: string }) {
  storage.delete(key)
  return Promise.resolve({ errMsg: 'removeStorage:ok' })
}

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB' } as const

const Taro = {
  ENV_TYPE,
  getEnv: jest.fn(() => ENV_TYPE.WEB),
  navigateTo: ok(),
  redirectTo: ok(),
  switchTab: ok(),
  navigateBack: ok(),
  showToast: ok(),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  showLoading: ok(),
  hideLoading: ok(),
  stopPullDownRefresh: jest.fn(),
  getStorage: jest.fn(getStorage),
  setStorage: jest.fn(setStorage),
  removeStorage: jest.fn(removeStorage),
  getStorageSync: jest.fn((key: string) => {
    const v = storage.get(key)
    return v === undefined ? '' : JSON.parse(v)
  }),
  setStorageSync: jest.fn((key: string, data: unknown) => {
    storage.set(key, JSON.stringify(data))
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key)
  }),
  makePhoneCall: ok(),
  pageScrollTo: ok(),
  getSystemInfoSync: jest.fn(() => ({ pixelRatio: 2, windowWidth: 375, windowHeight: 667 })),
  useShareAppMessage,
  useDidShow,
  useDidHide,
  usePullDownRefresh,
  useReachBottom,
  useLoad,
  useReady,
  useLaunch,
  useRouter,
}

export default Taro
