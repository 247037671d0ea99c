import Taro from '@tarojs/taro'
import type { RequestSubscribe } from './subscribe'

/**
 * Calls `wx.requestSubscribeMessage` synchronously (the prompt needs the tap's user gesture) and
 * never rejects: a refusal, an error or an old WeChat must not stop the registration it precedes.
 */
export const requestSubscribe: RequestSubscribe = (templateIds) => {
  if (templateIds.length === 0) return Promise.resolve('unsupported')
  // Taro's option type also demands Alipay's `entityIds`; WeChat takes `tmplIds` only.
  const option = { tmplIds: templateIds } as Taro.requestSubscribeMessage.Option
  try {
    return Taro.requestSubscribeMessage(option).then(
      (res) => {
        // The answer maps each template id to 'accept' | 'reject' | 'ban' | 'filter'.
        const answers = res as unknown as Record<string, unknown>
        return templateIds.some((id) => answers[id] === 'accept') ? 'accepted' : 'refused'
      },
      (e: { errCode?: number }) => {
        console.warn('[subscribe] request failed, errCode', e?.errCode)
        return 'refused' as const
      },
    )
  } catch (e) {
    // Thrown synchronously where this WeChat version has no such API.
    console.warn('[subscribe] unavailable:', e instanceof Error ? e.message : String(e))
    return Promise.resolve('unsupported')
  }
}
