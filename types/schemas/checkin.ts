/** Schemas of the checkin function. */
import * as v from 'valibot'
import type { ActionName, ReqOf } from '../api'
import { cursorSchema, id, limitSchema, text } from './common'

/** Offline scans uploaded in one batch at most. */
export const MAX_SYNC_BATCH = 100
export const MAX_PHOTOS = 9
/** Longest 补录: the activity's own length caps it further. */
export const MAX_MAKEUP_HOURS = 24 * 31

const instant = v.pipe(v.string('缺少时间'), v.isoTimestamp('时间格式无效'), v.maxLength(30, '时间格式无效'))
const device = v.pipe(v.string('缺少设备'), v.trim(), v.minLength(1, '缺少设备'), v.maxLength(40, '设备名称过长'))
export const scanSchema = v.strictObject({
  nonce: v.pipe(v.string('缺少扫码编号'), v.regex(/^[A-Za-z0-9_-]{8,40}$/, '扫码编号无效')),
  token: v.pipe(v.string('缺少签到码'), v.trim(), v.minLength(1, '缺少签到码'), v.maxLength(200, '签到码无效')),
  mode: v.picklist(['in', 'out'], '扫码类型无效'),
  at: instant,
})
const highlight = v.strictObject({
  content: v.pipe(v.string(), v.trim(), v.maxLength(1000, '服务内容不超过 1000 个字')),
  effect: v.pipe(v.string(), v.trim(), v.maxLength(500, '服务效果不超过 500 个字')),
  photos: v.pipe(
    v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(300, '照片无效'))),
    v.maxLength(MAX_PHOTOS, `照片最多 ${MAX_PHOTOS} 张`),
  ),
})

export const checkinSchemas: {
  [A in ActionName as A extends `checkin.${string}` ? A : never]: v.GenericSchema<unknown, ReqOf<A>>
} = {
  'checkin.scan': v.strictObject({ activityId: id, device, scan: scanSchema }),
  'checkin.pack': v.strictObject({ activityId: id }),
  'checkin.sync': v.strictObject({
    activityId: id,
    device,
    scans: v.pipe(
      v.array(scanSchema),
      v.minLength(1, '没有要上传的扫码'),
      v.maxLength(MAX_SYNC_BATCH, `一次最多上传 ${MAX_SYNC_BATCH} 条`),
    ),
  }),
  'checkin.attendance': v.strictObject({ activityId: id }),
  'checkin.printTokens': v.strictObject({
    activityId: id,
    ticketIds: v.pipe(v.array(id), v.minLength(1, '请选择志愿者'), v.maxLength(60, '一次最多打印 60 张')),
  }),
  'checkin.makeup': v.strictObject({
    ticketId: id,
    hours: v.pipe(
      v.number('请填写时长'),
      v.minValue(0.5, '补录时长至少 0.5 小时'),
      v.maxValue(MAX_MAKEUP_HOURS, '补录时长过长'),
      v.check((h) => Number.isInteger(h * 2), '补录时长以 0.5 小时为单位'),
    ),
    reason: text('补录原因', 2, 200),
  }),
  'checkin.declineMakeup': v.strictObject({ makeupId: id, reason: text('撤销原因', 2, 200) }),
  'checkin.saveReport': v.strictObject({
    activityId: id,
    peopleServed: v.pipe(
      v.number('请填写接受服务的群众人次'),
      v.integer('人次应为整数'),
      v.minValue(0, '人次不能为负'),
      v.maxValue(1_000_000, '人次过大'),
    ),
    highlight: v.nullable(highlight),
  }),
  'checkin.confirmRecords': v.strictObject({ activityId: id }),
  'checkin.todo': v.strictObject({ cursor: cursorSchema, limit: limitSchema }),
  'checkin.mine': v.strictObject({ cursor: cursorSchema, limit: limitSchema }),
  'checkin.requestCorrection': v.strictObject({ activityId: id, note: text('更正说明', 2, 300) }),
}
