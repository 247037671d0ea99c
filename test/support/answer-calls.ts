/** Routes a jest mock of the typed client (`services/client` `call`) by action to canned answers. */
import type { ActionName, ReqOf, ResOf } from '../../types/api'
import type { Result } from '../../types/result'

type Answer<A extends ActionName> =
  Result<ResOf<A>> | ((data: ReqOf<A>) => Result<ResOf<A>> | Promise<Result<ResOf<A>>>)
export type Answers = { [A in ActionName]?: Answer<A> }

type CallMock = jest.MockedFunction<<A extends ActionName>(action: A, data: ReqOf<A>) => Promise<Result<ResOf<A>>>>

/** Unanswered actions fail the test loudly instead of hanging a screen in its loading state. */
export function answerCalls(mock: CallMock, answers: Answers) {
  mock.mockImplementation((async (action: ActionName, data: unknown) => {
    const a = answers[action] as Answer<ActionName> | undefined
    if (a === undefined) throw new Error(`no answer for ${action} ${JSON.stringify(data)}`)
    return typeof a === 'function' ? a(data as never) : a
  }) as never)
}

/** The payloads sent for `action`, in order. */
export function sent(mock: CallMock, action: ActionName): unknown[] {
  return mock.mock.calls.filter(([a]) => a === action).map(([, d]) => d)
}
