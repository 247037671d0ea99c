/** Schemas of the activity function; the organizer's form validates with the same ones. */
import * as v from 'valibot'
import type { ActionName, ReqOf } from '../api'
import { ActivityType, Audience, BeneficiaryGroup, FocusTag, Theme, VenueKind } from '../enums'
import { cursorSchema, day, empty, id, limitSchema, text } from './common'

/** The longest activity the form accepts (a week-long exhibition); anything longer is a typo. */
export const MAX_ACTIVITY_DAYS = 31
export const MAX_CAPACITY = 10_000

const instant = (label: string) =>
  v.pipe(v.string(`请选择${label}`), v.isoTimestamp(`${label}格式无效`), v.maxLength(30, `${label}格式无效`))
const unique = <T>(xs: T[]) => new Set(xs).size === xs.length
const phone = v.pipe(
  v.string('请填写联系电话'),
  v.trim(),
  // A mobile (1xxxxxxxxxx) or a landline with its area code (0737-1234567).
  v.regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话应为手机号或带区号的固定电话'),
)

export const activityInputSchema = v.pipe(
  v.strictObject({
    teamId: id,
    title: text('活动名称', 2, 40),
    type: v.picklist(ActivityType.values, '请选择活动类型'),
    focusTags: v.pipe(
      v.array(v.picklist(FocusTag.values, '重点结合无效')),
      v.maxLength(FocusTag.values.length, '重点结合无效'),
      v.check(unique, '重点结合重复'),
    ),
    theme: v.nullable(v.picklist(Theme.values, '主题无效')),
    venueKind: v.picklist(VenueKind.values, '请选择阵地'),
    address: text('活动地点', 2, 100),
    location: v.nullable(
      v.strictObject({
        latitude: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
        longitude: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
      }),
    ),
    startAt: instant('开始时间'),
    endAt: instant('结束时间'),
    capacity: v.pipe(
      v.number('请填写人数上限'),
      v.integer('人数上限应为整数'),
      v.minValue(1, '人数上限至少为 1'),
      v.maxValue(MAX_CAPACITY, `人数上限不超过 ${MAX_CAPACITY}`),
    ),
    signupDeadline: instant('报名截止时间'),
    description: v.pipe(
      v.string('请填写活动内容'),
      v.trim(),
      v.maxLength(2000, '活动内容不超过 2000 个字'),
      // Line breaks are fine in a description; other control and invisible characters are not.
      v.regex(/^[^\p{Cf}\x00-\x09\x0b-\x1f\x7f]*$/u, '活动内容含有不可见字符'),
    ),
    beneficiaries: v.pipe(
      v.array(v.picklist(BeneficiaryGroup.values, '服务对象无效')),
      v.maxLength(BeneficiaryGroup.values.length, '服务对象无效'),
      v.check(unique, '服务对象重复'),
    ),
    contact: v.strictObject({ name: text('联系人', 1, 20), phone }),
    audience: v.picklist(Audience.values, '请选择报名范围'),
    insured: v.boolean('请说明是否已购买意外保险'),
  }),
  v.forward(
    v.check((a) => Date.parse(a.endAt) > Date.parse(a.startAt), '结束时间应晚于开始时间'),
    ['endAt'],
  ),
  v.forward(
    v.check(
      (a) => Date.parse(a.endAt) - Date.parse(a.startAt) <= MAX_ACTIVITY_DAYS * 86_400_000,
      `活动时长不超过 ${MAX_ACTIVITY_DAYS} 天`,
    ),
    ['endAt'],
  ),
  v.forward(
    v.check((a) => Date.parse(a.signupDeadline) <= Date.parse(a.startAt), '报名截止时间不能晚于开始时间'),
    ['signupDeadline'],
  ),
)

const tab = v.picklist(['upcoming', 'past'], '列表无效')

export const activitySchemas: {
  [A in ActionName as A extends `activity.${string}` ? A : never]: v.GenericSchema<unknown, ReqOf<A>>
} = {
  'activity.list': v.pipe(
    v.strictObject({
      tab,
      teamId: v.optional(id),
      type: v.optional(v.picklist(ActivityType.values, '活动类型无效')),
      focus: v.optional(v.picklist(FocusTag.values, '重点结合无效')),
      from: v.optional(day),
      to: v.optional(day),
      seatsOnly: v.optional(v.boolean()),
      q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(20, '搜索词不超过 20 个字'))),
      cursor: cursorSchema,
      limit: limitSchema,
    }),
    v.forward(
      v.check((q) => !q.from || !q.to || q.from <= q.to, '结束日期不能早于开始日期'),
      ['to'],
    ),
  ),
  'activity.detail': v.strictObject({ activityId: id }),
  'activity.signUp': v.strictObject({ activityId: id }),
  'activity.cancelSignup': v.strictObject({ ticketId: id }),
  'activity.signUpFor': v.strictObject({
    activityId: id,
    volunteerId: id,
    consent: v.literal(true, '请确认家人本人已同意报名'),
  }),
  'activity.cancelFor': v.strictObject({ ticketId: id }),
  'activity.elders': empty,
  'activity.absent': v.strictObject({ ticketId: id, reason: text('原因', 2, 100) }),
  'activity.mine': v.strictObject({ tab, cursor: cursorSchema, limit: limitSchema }),
  'activity.organized': v.strictObject({ cursor: cursorSchema, limit: limitSchema }),
  'activity.forEdit': v.strictObject({ activityId: id }),
  'activity.save': v.strictObject({
    id: v.optional(id),
    rev: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    input: activityInputSchema,
  }),
  'activity.publish': v.strictObject({ activityId: id, rev: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  'activity.cancel': v.strictObject({ activityId: id, reason: text('取消原因', 2, 100) }),
}
