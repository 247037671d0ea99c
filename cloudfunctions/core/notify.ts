import { config } from './config'
import type { RecordRepository } from './repositories/record.repository'
import { chinaTime } from './time'

export interface ReviewResult {
  approved: boolean
  /** Approval: the code's validity; rejection: the reason. Stored as the notice's text. */
  note: string
  /**
   * Approval: the activation code. It travels only in the WeChat message's link (which opens the
   * activation page with it filled in), never in the stored notice: at rest it stays sealed on the record.
   */
  code?: string
  at: Date
  /**
   * 代为注册: the name of the person registered, when the result goes to the one who registered
   * them; the code is theirs to hand over, and the person claims the record with it.
   */
  forName?: string
}

/**
 * The page a review-result message opens: after an approval the activation page, code filled in
 * (for someone registered by another person, its claim form, where they add their ID number).
 */
export const reviewResultPage = (r: ReviewResult) =>
  r.approved && r.code
    ? `packages/volunteer/pages/activate/index?${r.forName ? 'mode=claim&' : ''}code=${r.code}`
    : 'pages/me/index'

/** The notice on 我的 that goes with a review result. */
function reviewNoticeText(r: ReviewResult): { title: string; body: string } {
  if (r.forName) {
    const name = r.forName
    return r.approved
      ? {
          title: '代为注册审核已通过',
          body: `${name}的注册已通过审核。请把微信消息中的激活码转交${name}本人，由本人在“我的”中用身份证号和激活码激活；未收到消息的，请联系队伍管理员重新发放。${r.note}`,
        }
      : { title: '代为注册审核未通过', body: `${name}的注册未通过审核。原因：${r.note}。请修改后重新代为提交。` }
  }
  return r.approved
    ? {
        title: '注册审核已通过',
        body: `点击微信消息或“我的”中的“激活”即可完成激活（激活码已自动填好）。${r.note}`,
      }
    : { title: '注册审核未通过', body: `原因：${r.note}。请修改后重新提交。` }
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

/** Subscribe messages are sent this many at a time, so a cancelled activity of 500 fits the function's timeout. */
const SEND_CONCURRENCY = 20

/** Sends to each of `items` at most SEND_CONCURRENCY at a time; answers each send's errcode (-1: threw). */
async function sendAll<T>(items: T[], send: (item: T) => Promise<number>): Promise<number[]> {
  const codes: number[] = []
  for (let i = 0; i < items.length; i += SEND_CONCURRENCY) {
    const part = await Promise.all(
      items.slice(i, i + SEND_CONCURRENCY).map(async (item) => {
        try {
          return await send(item)
        } catch (e) {
          return Number((e as { errCode?: unknown }).errCode) || -1
        }
      }),
    )
    codes.push(...part)
  }
  return codes
}

/** One review result for one person. */
export interface ReviewNotice {
  openid: string
  result: ReviewResult
}

/**
 * Review results reach the volunteer twice: as a WeChat subscribe message when they allowed one,
 * and always as a notice on 我的 (a batch's notices in one write). A failed send is recorded and
 * never undoes the review.
 */
export function reviewNotifier(records: RecordRepository, send: SubscribeSend) {
  return async function notifyReviews(items: ReviewNotice[]): Promise<void> {
    if (items.length === 0) return
    const templateId = config.reviewResultTemplateId()
    const errcodes = templateId
      ? await sendAll(items, ({ openid, result: r }) =>
          send({
            touser: openid,
            templateId,
            page: reviewResultPage(r),
            data: {
              thing1: { value: r.forName ? clip(`代为注册：${r.forName}`, 20) : '科技志愿者注册' },
              phrase2: { value: r.approved ? '通过' : '未通过' },
              thing3: { value: clip(r.note, 20) },
              time4: { value: chinaTime(r.at) },
            },
          }),
        )
      : items.map(() => null)
    const failed = errcodes.filter((c) => c !== null && c !== 0).length
    if (failed) console.warn(`[notify] ${failed} of ${items.length} review results not delivered`)
    await records.addMessages(
      items.map(({ openid, result: r }, i) => ({
        openid,
        ...reviewNoticeText(r),
        templateId,
        delivered: errcodes[i] === 0,
        errcode: errcodes[i] === 0 ? null : errcodes[i],
      })),
    )
  }
}

/** A message about an activity; every activity template uses the same keywords (see README). */
export interface ActivityMessage {
  title: string
  body: string
  templateId: string
  /** The page the WeChat message opens. */
  page: string
  activity: { title: string; startAt: Date; place: string }
  note: string
}

/**
 * Tells people about an activity: a subscribe message to each (when a template is configured), and
 * optionally a notice on 我的 for each, written in one request. A failed send is recorded, never retried.
 */
export function activityMessenger(records: RecordRepository, send: SubscribeSend) {
  return async function tell(openids: string[], m: ActivityMessage, keepNotice: boolean): Promise<void> {
    const errcodes = new Map<string, number | null>()
    if (m.templateId) {
      const data = {
        thing1: { value: clip(m.activity.title, 20) },
        time2: { value: chinaTime(m.activity.startAt) },
        thing3: { value: clip(m.activity.place, 20) },
        thing4: { value: clip(m.note, 20) },
      }
      const codes = await sendAll(openids, (touser) => send({ touser, templateId: m.templateId, page: m.page, data }))
      openids.forEach((o, i) => errcodes.set(o, codes[i]))
      const failed = codes.filter((c) => c !== 0).length
      if (failed) console.warn(`[notify] ${failed} of ${openids.length} activity messages not delivered`)
    }
    if (!keepNotice) return
    await records.addMessages(
      openids.map((openid) => {
        const code = errcodes.get(openid) ?? null
        return {
          openid,
          title: m.title,
          body: m.body,
          templateId: m.templateId,
          delivered: code === 0,
          errcode: code === 0 ? null : code,
        }
      }),
    )
  }
}
