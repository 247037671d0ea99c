import Taro from '@tarojs/taro'
import { resetStorage } from '../../test/support/taro-mock'
import { ELDER_KEY, elderFrom, isElderMode, resetElderMode, setElderMode } from './elder-mode'

beforeEach(() => {
  resetStorage()
  resetElderMode()
})

it('follows WeChat text size when the user never chose', () => {
  expect(elderFrom(undefined, 16)).toBe(false)
  expect(elderFrom(undefined, 17)).toBe(true)
  expect(elderFrom(undefined, 20)).toBe(true)
  expect(elderFrom(undefined, undefined)).toBe(false)
})

it("lets the user's choice override WeChat's text size", () => {
  expect(elderFrom('off', 20)).toBe(false)
  expect(elderFrom('on', 16)).toBe(true)
})

it('keeps the choice on the phone across app starts', () => {
  expect(isElderMode()).toBe(false)
  setElderMode(true)
  expect(Taro.getStorageSync(ELDER_KEY)).toBe('on')
  resetElderMode()
  expect(isElderMode()).toBe(true)
})
