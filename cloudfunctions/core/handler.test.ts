import { makeCaller } from './context'
import { AppError } from './errors'
import { createHandler } from './handler'

const me = jest.fn()
const unused = jest.fn()
function handler(openid: string | undefined) {
  return createHandler<'volunteer'>(
    'volunteer',
    {
      me,
      register: unused,
      registerFor: unused,
      update: unused,
      activate: unused,
      leave: unused,
      claim: unused,
      appeal: unused,
      acceptInvitation: unused,
      declineInvitation: unused,
      idCardFolder: unused,
      readIdCard: unused,
      phoneNumber: unused,
    },
    { openid: () => openid, caller: (id) => makeCaller(id, async () => []) },
  )
}

beforeEach(() => me.mockReset())

describe('createHandler', () => {
  it('answers an unknown action with UNKNOWN_ACTION and runs nothing', async () => {
    expect(await handler('o-1')({ action: 'dropTables' })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    expect(me).not.toHaveBeenCalled()
  })

  it('does not treat inherited object keys as actions', async () => {
    expect(await handler('o-1')({ action: 'toString' })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  })

  it('refuses an event without an action', async () => {
    expect(await handler('o-1')({})).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'action' })
  })

  it('refuses an invalid payload naming the field, before the action runs', async () => {
    expect(await handler('o-1')({ action: 'me', data: { openid: 'someone-else' } })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      field: 'openid',
    })
    expect(me).not.toHaveBeenCalled()
  })

  it('passes the platform identity to the action', async () => {
    me.mockImplementation(async (caller) => ({ openid: caller.openid }))
    expect(await handler('o-42')({ action: 'me', data: {} })).toEqual({ ok: true, data: { openid: 'o-42' } })
  })

  it('refuses a call without a platform identity', async () => {
    expect(await handler(undefined)({ action: 'me' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('maps a domain error to its code and message', async () => {
    me.mockRejectedValue(new AppError('WRONG_STATE', '当前状态不能激活'))
    expect(await handler('o-1')({ action: 'me' })).toEqual({
      ok: false,
      code: 'WRONG_STATE',
      message: '当前状态不能激活',
    })
  })

  it('hides an unexpected error behind INTERNAL', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    me.mockRejectedValue(new Error('socket hang up'))
    expect(await handler('o-1')({ action: 'me' })).toEqual({
      ok: false,
      code: 'INTERNAL',
      message: '服务暂时不可用，请稍后重试',
    })
    spy.mockRestore()
  })

  it('logs neither the payload nor the caller when an action fails (read back from the log)', async () => {
    const lines: string[] = []
    const capture = (...args: unknown[]) => void lines.push(args.map((a) => JSON.stringify(a) ?? String(a)).join(' '))
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      jest.spyOn(console, m).mockImplementation(capture),
    )
    const claim = jest.fn().mockRejectedValue(new Error('socket hang up'))
    const h = createHandler<'volunteer'>(
      'volunteer',
      {
        me,
        register: unused,
        registerFor: unused,
        update: unused,
        activate: unused,
        leave: unused,
        claim,
        appeal: unused,
        acceptInvitation: unused,
        declineInvitation: unused,
        idCardFolder: unused,
        readIdCard: unused,
        phoneNumber: unused,
      },
      { openid: () => 'o-secret-openid', caller: (id) => makeCaller(id, async () => []) },
    )
    const idNumber = '11010519491231002X'
    expect(await h({ action: 'claim', data: { idNumber, code: '123456' } })).toMatchObject({ code: 'INTERNAL' })
    for (const s of spies) s.mockRestore()
    expect(lines.join('\n')).toContain('[volunteer] claim failed')
    for (const secret of [idNumber, '123456', 'o-secret-openid']) expect(lines.join('\n')).not.toContain(secret)
  })
})
