import Taro from '@tarojs/taro'
import { requestSubscribe } from './subscribe.weapp'

const prompt = jest.fn()
Object.assign(Taro, { requestSubscribeMessage: prompt })

beforeEach(() => {
  prompt.mockReset()
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
})

test('asks for the templates and reports an acceptance', async () => {
  prompt.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', t1: 'reject', t2: 'accept' })
  await expect(requestSubscribe(['t1', 't2'])).resolves.toBe('accepted')
  expect(prompt).toHaveBeenCalledWith({ tmplIds: ['t1', 't2'] })
})

test('calls the platform synchronously, inside the tap that called it', () => {
  prompt.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok' })
  void requestSubscribe(['t1'])
  expect(prompt).toHaveBeenCalledTimes(1)
})

test('a refusal, a ban or a failure resolves as refused and never rejects', async () => {
  prompt.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', t1: 'ban' })
  await expect(requestSubscribe(['t1'])).resolves.toBe('refused')
  prompt.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 })
  await expect(requestSubscribe(['t1'])).resolves.toBe('refused')
})

test('nothing to ask, or no such API, resolves as unsupported', async () => {
  await expect(requestSubscribe([])).resolves.toBe('unsupported')
  expect(prompt).not.toHaveBeenCalled()
  prompt.mockImplementation(() => {
    throw new TypeError('requestSubscribeMessage is not a function')
  })
  await expect(requestSubscribe(['t1'])).resolves.toBe('unsupported')
})
