import { config } from './config'
import type { RecordRepository } from './repositories/record.repository'
import { chinaTime } from './time'

export interface ReviewResult {
  approved: boolean
  /** Approval: the activation code and its validity; rejection: the reason. */
  note: string
  at: Date
}

/** Sends a subscribe message; resolves to the errcode (0 = delivered). */
export type SubscribeSend = (msg: {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
}) => Promise<number>

// The 审核结果通知 template picked in the WeChat console has these keywords:
// thing1 申请事项, phrase2 审核结果, thing3 备注, time4 审核时间 (thing ≤20 chars, phrase ≤5).
const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s)

/**
 * Review results reach the volunteer twice: as a WeChat subscribe message when they allowed one,
 * and always as a notice on 我的. A failed send is recorded and never undoes the review.
 */
export function reviewNotifier(records: RecordRepository, send: SubscribeSend) {
  return async function notifyReview(openid: string, r: ReviewResult): Promise<void> {
    const title = r.approved ? '注册审核已通过' : '注册审核未通过'
    const body = r.approved
      ? `请在“我的”中点击“激活”，输入验证码完成激活。${r.note}`
      : `原因：${r.note}。请修改后重新提交。`
    const templateId = config.reviewResultTemplateId()
    let errcode: number | null = null
    if (templateId) {
      try {
        errcode = await send({
          touser: openid,
          templateId,
          page: 'pages/me/index',
          data: {
            thing1: { value: '科技志愿者注册' },
            phrase2: { value: r.approved ? '通过' : '未通过' },
            thing3: { value: clip(r.note, 20) },
            time4: { value: chinaTime(r.at) },
          },
        })
      } catch (e) {
        errcode = Number((e as { errCode?: unknown }).errCode) || -1
        console.warn('[notify] review result not delivered, errcode', errcode)
      }
    }
    await records.addMessage({
      openid,
      title,
      body,
      templateId,
      delivered: errcode === 0,
      errcode: errcode === 0 ? null : errcode,
    })
  }
}
