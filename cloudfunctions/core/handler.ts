import type { ActionName, ReqOf, ResOf } from '../../types/api'
import type { Err, Result } from '../../types/result'
import { schemas, validate } from '../../types/schemas'
import type { Caller } from './context'
import { AppError } from './errors'

/** The action part of every `<fn>.<action>` name in the contract that belongs to function F. */
export type ActionsOf<F extends string> = {
  [A in ActionName as A extends `${F}.${infer S}` ? S : never]: (caller: Caller, data: ReqOf<A>) => Promise<ResOf<A>>
}

export interface HandlerDeps {
  /** The caller's openid as the platform reports it (getWXContext().OPENID). */
  openid(): string | undefined
  caller(openid: string): Caller
}

const fail = (code: Err['code'], message: string, field?: string): Err =>
  field === undefined ? { ok: false, code, message } : { ok: false, code, message, field }

/**
 * The thin handler of DESIGN.md: parse the event, validate the payload with the contract's schema,
 * identify the caller, route the action, map domain errors to codes. Nothing runs before validation,
 * so a refused call writes nothing.
 */
export function createHandler<F extends string>(fn: F, actions: ActionsOf<F>, deps: HandlerDeps) {
  const table = actions as Record<string, (caller: Caller, data: unknown) => Promise<unknown>>
  return async function main(event: unknown): Promise<Result<unknown>> {
    const action = (event as { action?: unknown } | null)?.action
    if (typeof action !== 'string') return fail('INVALID_INPUT', '缺少 action', 'action')
    if (!Object.prototype.hasOwnProperty.call(table, action)) {
      return fail('UNKNOWN_ACTION', `未知操作：${fn}.${action.slice(0, 60)}`)
    }
    const schema = schemas[`${fn}.${action}` as ActionName] as Parameters<typeof validate>[0]
    const checked = validate(schema, (event as { data?: unknown }).data)
    if (!checked.ok) return fail('INVALID_INPUT', checked.message, checked.field)

    const openid = deps.openid()
    if (!openid) return fail('FORBIDDEN', '无法识别调用者身份，请在微信中打开')
    try {
      const data = await table[action](deps.caller(openid), checked.value)
      return { ok: true, data }
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.message, e.field)
      // Never log the payload: it may carry personal information.
      console.error(`[${fn}] ${action} failed:`, e instanceof Error ? e.message : String(e))
      return fail('INTERNAL', '服务暂时不可用，请稍后重试')
    }
  }
}
