import type { ActionName, FunctionOf, ReqOf, ResOf } from '../../types/api'
import { ErrorCode, type Err, type Result } from '../../types/result'
import { invoke } from './cloud'

const NETWORK_ERROR: Err = { ok: false, code: ErrorCode.NETWORK, message: '网络不可用，请稍后重试' }
const BAD_ANSWER: Err = { ok: false, code: ErrorCode.INTERNAL, message: '服务暂时不可用，请稍后重试' }

function splitAction<A extends ActionName>(action: A): { name: FunctionOf<A>; act: string } {
  const dot = action.indexOf('.')
  return { name: action.slice(0, dot) as FunctionOf<A>, act: action.slice(dot + 1) }
}

function isResult(x: unknown): x is Result<unknown> {
  if (typeof x !== 'object' || x === null || !('ok' in x)) return false
  const r = x as { ok: unknown; code?: unknown; message?: unknown }
  return r.ok === true || (r.ok === false && typeof r.code === 'string' && typeof r.message === 'string')
}

/**
 * The one way screens reach the cloud: `call('activity.list', { limit: 20 })` sends
 * `{ action: 'list', data }` to function `activity` and never throws — a failure is a value with a
 * stable code the screen can show or branch on.
 */
export async function call<A extends ActionName>(action: A, data: ReqOf<A>): Promise<Result<ResOf<A>>> {
  const { name, act } = splitAction(action)
  let answer: unknown
  try {
    answer = await invoke(name, { action: act, data })
  } catch (e) {
    // Offline, timeouts and platform faults all look the same to a user: try again later.
    console.warn(`[client] ${action} failed to reach the cloud`, e instanceof Error ? e.message : e)
    return NETWORK_ERROR
  }
  if (!isResult(answer)) {
    console.warn(`[client] ${action} answered outside the envelope`)
    return BAD_ANSWER
  }
  return answer as Result<ResOf<A>>
}
