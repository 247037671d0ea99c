import Taro from '@tarojs/taro'
import type { ElderView, MyTicket } from '../../types/api'

/**
 * The tickets `activity.mine` returned, kept on the phone so a check-in code still opens at a village
 * venue with no signal. `Taro.setStorage` survives the app being killed (10 MB per mini program);
 * WeChat keeps each user's storage apart. Only masked personal information is in a ticket.
 */
const KEY = 'tickets'
/** A ticket is worth keeping offline until a day after its activity ends. */
const KEEP_AFTER_END_MS = 86_400_000
const MAX_KEPT = 50

/** `kept` updated with `fresh` (a fresh copy of a ticket replaces the kept one), without tickets long over. */
export function mergeTickets(kept: MyTicket[], fresh: MyTicket[], now: Date): MyTicket[] {
  const byId = new Map(kept.map((t) => [t.id, t]))
  for (const t of fresh) byId.set(t.id, t)
  return [...byId.values()]
    .filter((t) => Date.parse(t.activity.endAt) + KEEP_AFTER_END_MS > now.getTime())
    .sort((a, b) => (a.activity.startAt < b.activity.startAt ? -1 : a.activity.startAt > b.activity.startAt ? 1 : 0))
    .slice(0, MAX_KEPT)
}

function isTicketList(x: unknown): x is MyTicket[] {
  return Array.isArray(x) && x.every((t) => typeof t === 'object' && t !== null && 'id' in t && 'activity' in t)
}

/** What is kept under `key` when it has the expected shape, else nothing. */
async function kept<T>(key: string, valid: (x: unknown) => x is T[]): Promise<T[]> {
  try {
    const { data } = await Taro.getStorage<unknown>({ key })
    return valid(data) ? data : []
  } catch {
    // WeChat fails getStorage for a key never set.
    return []
  }
}

async function keep(key: string, data: unknown): Promise<void> {
  try {
    await Taro.setStorage({ key, data })
  } catch (e) {
    // Storage full or unavailable: the codes still show while online.
    console.warn(`[tickets] could not keep ${key} offline`, e instanceof Error ? e.message : e)
  }
}

export const loadTickets = () => kept(KEY, isTicketList)

export async function saveTickets(fresh: MyTicket[], now: Date = new Date()): Promise<void> {
  await keep(KEY, mergeTickets(await loadTickets(), fresh, now))
}

/**
 * The last 我代为注册的家人 answer (the sign-ups made for family members, with their signed codes),
 * kept apart from the caller's own tickets so a family member's code also opens with no signal.
 */
const FAMILY_KEY = 'family-tickets'

function isElderList(x: unknown): x is ElderView[] {
  return (
    Array.isArray(x) &&
    x.every((e) => typeof e === 'object' && e !== null && 'volunteerId' in e && isTicketList((e as ElderView).tickets))
  )
}

export const loadFamily = () => kept(FAMILY_KEY, isElderList)
export const saveFamily = (elders: ElderView[]) => keep(FAMILY_KEY, elders)
