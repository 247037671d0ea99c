import { call } from './client'
import { invoke } from './cloud'

jest.mock('./cloud', () => ({ invoke: jest.fn() }))
const invokeMock = invoke as jest.MockedFunction<typeof invoke>

beforeEach(() => {
  invokeMock.mockReset()
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
})

test('sends the action to the function named before the dot', async () => {
  invokeMock.mockResolvedValue({ ok: true, data: { items: [], nextCursor: null } })
  await call('activity.list', { tab: 'upcoming', limit: 5 })
  expect(invokeMock).toHaveBeenCalledWith('activity', { action: 'list', data: { tab: 'upcoming', limit: 5 } })
})

test('passes a success envelope through', async () => {
  invokeMock.mockResolvedValue({ ok: true, data: { items: [], nextCursor: null } })
  await expect(call('activity.list', { tab: 'upcoming' })).resolves.toEqual({
    ok: true,
    data: { items: [], nextCursor: null },
  })
})

test('passes a refusal with its stable code through', async () => {
  const refusal = { ok: false, code: 'INVALID_INPUT', message: '分页参数无效，请刷新后重试', field: 'cursor' }
  invokeMock.mockResolvedValue(refusal)
  await expect(call('activity.list', { tab: 'upcoming', cursor: 'x' })).resolves.toEqual(refusal)
})

test('turns a thrown platform error into NETWORK', async () => {
  invokeMock.mockRejectedValue(new Error('cloud.callFunction:fail timeout'))
  await expect(call('volunteer.me', {})).resolves.toEqual({
    ok: false,
    code: 'NETWORK',
    message: '网络不可用，请稍后重试',
  })
})

test('turns an answer outside the envelope into INTERNAL', async () => {
  invokeMock.mockResolvedValue(undefined)
  const r = await call('volunteer.me', {})
  expect(r).toMatchObject({ ok: false, code: 'INTERNAL' })
})
