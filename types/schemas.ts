/**
 * One schema per action payload. The cloud function validates every event with these before any
 * service runs, and the app's forms use the same ones, so client and server cannot disagree.
 */
import * as v from 'valibot'
import type { ActionName, ReqOf } from './api'
import { activationCodeSchema, registrationSchema, rejectReasonSchema } from './registration'

export const cursorSchema = v.optional(v.pipe(v.string(), v.maxLength(200)))
export const limitSchema = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)))

const empty = v.strictObject({})
const id = v.pipe(v.string('缺少编号'), v.minLength(1, '缺少编号'), v.maxLength(64, '编号无效'))

export const schemas: { [A in ActionName]: v.GenericSchema<unknown, ReqOf<A>> } = {
  'volunteer.me': empty,
  'activity.list': v.strictObject({ cursor: cursorSchema, limit: limitSchema }),
  'volunteer.register': registrationSchema,
  'volunteer.update': registrationSchema,
  'volunteer.activate': v.strictObject({ code: activationCodeSchema }),
  'volunteer.leave': empty,
  'team.tree': empty,
  'admin.reviewQueue': v.strictObject({ cursor: cursorSchema, limit: limitSchema }),
  'admin.reviewDetail': v.strictObject({ volunteerId: id }),
  'admin.reveal': v.strictObject({ volunteerId: id, field: v.picklist(['idNumber', 'mobile'], '字段无效') }),
  'admin.approve': v.strictObject({
    volunteerIds: v.pipe(v.array(id), v.minLength(1, '请选择要通过的注册'), v.maxLength(50, '一次最多通过 50 条')),
  }),
  'admin.reject': v.strictObject({ volunteerId: id, reason: rejectReasonSchema }),
  'admin.reissueCode': v.strictObject({ volunteerId: id }),
}

export interface Invalid {
  field: string
  message: string
}

/** Validates `input`; on failure names the first invalid field with a message fit to show a user. */
export function validate<T>(schema: v.GenericSchema<unknown, T>, input: unknown): { ok: true; value: T } | ({ ok: false } & Invalid) {
  const result = v.safeParse(schema, input ?? {})
  if (result.success) return { ok: true, value: result.output }
  const issue = result.issues[0]
  const field = v.getDotPath(issue) ?? ''
  // Schemas that face users carry Chinese messages; valibot's English defaults become a generic one.
  const message = /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : `参数 ${field || 'data'} 无效（应为 ${issue.expected ?? '有效值'}）`
  return { ok: false, field, message }
}
