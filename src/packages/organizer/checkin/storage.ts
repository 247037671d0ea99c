/** The organizer's check-in data on the phone: the queue, the activity packs and this phone's name. */
import Taro from '@tarojs/taro'
import type { CheckinPack } from '../../../../types/api'
import type { Admitted } from './offline-check'
import type { KeyValueStore } from './offline-queue'

/** `Taro.setStorage` survives the app being killed; WeChat fails getStorage for a key never set. */
export const phoneStore: KeyValueStore = {
  get: (key) => Taro.getStorage<unknown>({ key }).then((r) => r.data),
  set: (key, value) => Taro.setStorage({ key, data: value }).then(() => undefined),
}

export interface PackState {
  pack: CheckinPack
  /** What this phone recorded since the pack was taken (kept across pack updates). */
  admitted: Admitted
}

const packKey = (activityId: string) => `checkin-pack:${activityId}`

function isPackState(x: unknown): x is PackState {
  const p = x as Partial<PackState> | null
  return (
    typeof p === 'object' &&
    p !== null &&
    typeof p.pack?.publicKey === 'string' &&
    Array.isArray(p.pack.tickets) &&
    Array.isArray(p.pack.revoked) &&
    typeof p.admitted === 'object'
  )
}

export async function loadPack(activityId: string, store: KeyValueStore = phoneStore): Promise<PackState | null> {
  try {
    const v = await store.get(packKey(activityId))
    return isPackState(v) && v.pack.activity.id === activityId ? v : null
  } catch {
    return null
  }
}

export async function savePack(state: PackState, store: KeyValueStore = phoneStore): Promise<void> {
  await store.set(packKey(state.pack.activity.id), state)
}

const DEVICE_KEY = 'checkin-device'
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export function randomId(length: number, alphabet = ALPHABET): string {
  let s = ''
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(Math.random() * alphabet.length)]
  return s
}

/** A fresh scan nonce: time first (readable when debugging), then randomness. */
export function newNonce(now = Date.now()): string {
  return `${now.toString(36)}-${randomId(12, 'abcdefghijklmnopqrstuvwxyz0123456789')}`
}

/**
 * This phone's name in check-in records: the model if the platform tells it, and a random id kept
 * in storage so it stays the same across app restarts (two phones of one model stay apart).
 */
export async function deviceName(store: KeyValueStore = phoneStore): Promise<string> {
  let id: string | undefined
  try {
    const v = await store.get(DEVICE_KEY)
    if (typeof v === 'string' && /^[A-Z0-9]{6}$/.test(v)) id = v
  } catch {
    // never set
  }
  if (!id) {
    id = randomId(6)
    await store.set(DEVICE_KEY, id).catch(() => undefined)
  }
  let model = ''
  try {
    model = String(Taro.getSystemInfoSync().model ?? '').trim()
  } catch {
    // not available on this platform
  }
  return `${model ? model.slice(0, 30) : '手机'} ${id}`
}
