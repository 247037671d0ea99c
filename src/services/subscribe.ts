/**
 * Asks the user to allow the subscribe messages the cloud will send later (the review result
 * carrying the activation code). WeChat only shows the prompt when the request starts inside a tap
 * handler, so callers start it before anything else they await in that handler.
 * https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
 *
 * Like `cloud.ts`, Taro picks `subscribe.weapp.ts` or `subscribe.h5.ts` per target; this file is the
 * interface both satisfy and the fallback for tests and targets without subscribe messages.
 */

/**
 * accepted: at least one template allowed; refused: the user said no (or WeChat did, e.g. the
 * switch is off in settings); unsupported: nothing to ask, or no such prompt on this platform.
 */
export type SubscribeOutcome = 'accepted' | 'refused' | 'unsupported'

export type RequestSubscribe = (templateIds: string[]) => Promise<SubscribeOutcome>

export const requestSubscribe: RequestSubscribe = () => Promise.resolve('unsupported')
