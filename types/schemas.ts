/**
 * One schema per action payload. The cloud function validates every event with these before any
 * service runs, and the app's forms use the same ones, so client and server cannot disagree.
 */
import * as v from 'valibot'
import type { ActionName, ReqOf } from './api'
import { activitySchemas } from './schemas/activity'
import { checkinSchemas } from './schemas/checkin'
import { exportSchemas, reportSchemas } from './schemas/report'
import { count, cursorSchema, day, empty, id, limitSchema, requiredText, revision, text } from './schemas/common'
import { AppealOutcome, AuditAction, TeamKind } from './enums'
import { proxyRegistrationSchema } from './proxy'
import { activationCodeSchema, registrationSchema, rejectReasonSchema } from './registration'

const teamName = text('队伍名称', 2, 40)
const teamKind = v.picklist(TeamKind.values, '队伍类型无效')
const fileID = v.pipe(v.string('请先上传文件'), v.minLength(1, '请先上传文件'), v.maxLength(300, '文件无效'))

export const periodSchema = v.pipe(
  v.strictObject({
    id: v.optional(id),
    name: v.pipe(
      v.string('请填写名称'),
      v.trim(),
      v.minLength(2, '名称至少 2 个字'),
      v.maxLength(40, '名称不超过 40 个字'),
    ),
    start: day,
    end: day,
    deadlines: v.pipe(
      v.array(
        v.strictObject({
          key: v.pipe(v.string(), v.regex(/^[a-z_]{2,30}$/, '截止事项编号无效')),
          label: v.pipe(
            v.string('请填写截止事项'),
            v.trim(),
            v.minLength(2, '请填写截止事项'),
            v.maxLength(60, '截止事项不超过 60 个字'),
          ),
          due: day,
          kinds: v.pipe(v.array(teamKind), v.maxLength(TeamKind.values.length, '队伍类型过多')),
        }),
      ),
      v.maxLength(20, '截止事项最多 20 项'),
    ),
    targets: v.pipe(
      v.array(v.strictObject({ kind: teamKind, founding: count, goal: count, goalDate: day })),
      v.maxLength(TeamKind.values.length, '目标最多每类队伍一项'),
    ),
  }),
  v.forward(
    v.check((p) => p.start <= p.end, '结束日期不能早于开始日期'),
    ['end'],
  ),
)

export { cursorSchema, limitSchema }

/** The note an administrator closes a 申诉 with; the screen checks it with this same schema. */
export const appealNoteSchema = requiredText('处理说明', 2, 200)

export const schemas: { [A in ActionName]: v.GenericSchema<unknown, ReqOf<A>> } = {
  'volunteer.me': empty,
  'volunteer.register': registrationSchema,
  'volunteer.update': registrationSchema,
  'volunteer.activate': v.strictObject({ code: activationCodeSchema }),
  'volunteer.leave': empty,
  'team.tree': v.strictObject({
    parentId: v.optional(id),
    q: v.optional(text('搜索内容', 1, 40)),
    cursor: cursorSchema,
    limit: limitSchema,
  }),
  'team.recount': empty,
  'admin.reviewQueue': v.strictObject({ teamId: v.optional(id), cursor: cursorSchema, limit: limitSchema }),
  'admin.reviewDetail': v.strictObject({ volunteerId: id }),
  'admin.reveal': v.strictObject({ volunteerId: id, field: v.picklist(['idNumber', 'mobile'], '字段无效') }),
  'admin.approve': v.strictObject({
    items: v.pipe(
      v.array(v.strictObject({ volunteerId: id, revision })),
      v.minLength(1, '请选择要通过的注册'),
      v.maxLength(50, '一次最多通过 50 条'),
    ),
  }),
  'admin.reject': v.strictObject({ volunteerId: id, revision, reason: rejectReasonSchema }),
  'admin.reissueCode': v.strictObject({ volunteerId: id }),
  'admin.voidRegistration': v.strictObject({ volunteerId: id, reason: rejectReasonSchema }),
  'admin.appeals': v.strictObject({ cursor: cursorSchema, limit: limitSchema }),
  'admin.revealAppeal': v.strictObject({ appealId: id }),
  'admin.closeAppeal': v.strictObject({
    appealId: id,
    outcome: v.picklist(AppealOutcome.values, '请选择处理结果'),
    note: appealNoteSchema,
  }),
  'admin.auditLog': v.strictObject({
    action: v.optional(v.picklist(AuditAction.values, '操作类型无效')),
    actor: v.optional(id),
    teamId: v.optional(id),
    from: v.optional(day),
    to: v.optional(day),
    cursor: cursorSchema,
    limit: limitSchema,
  }),
  'admin.pendingActivation': v.strictObject({ cursor: cursorSchema, limit: limitSchema }),
  'volunteer.claim': v.strictObject({ idNumber: registrationSchema.entries.idNumber, code: activationCodeSchema }),
  'volunteer.appeal': v.strictObject({
    name: registrationSchema.entries.name,
    idNumber: registrationSchema.entries.idNumber,
    mobile: registrationSchema.entries.mobile,
    note: text('申诉说明', 2, 200),
  }),
  'volunteer.acceptInvitation': v.strictObject({ teamId: id }),
  'volunteer.declineInvitation': v.strictObject({ teamId: id }),
  'volunteer.registerFor': proxyRegistrationSchema,
  'volunteer.idCardFolder': empty,
  'volunteer.readIdCard': v.strictObject({ fileID }),
  'volunteer.phoneNumber': v.strictObject({
    code: v.pipe(
      v.string('请重新获取手机号'),
      v.minLength(1, '请重新获取手机号'),
      v.maxLength(200, '请重新获取手机号'),
    ),
  }),
  'team.page': v.strictObject({ teamId: id }),
  'team.members': v.strictObject({ teamId: id, cursor: cursorSchema, limit: limitSchema }),
  'team.create': v.strictObject({ parentId: id, name: teamName, kind: teamKind }),
  'team.rename': v.strictObject({ teamId: id, name: teamName }),
  'team.setLeaders': v.strictObject({
    teamId: id,
    leaderId: v.nullable(id),
    deputyIds: v.pipe(v.array(id), v.maxLength(10, '副职最多 10 名')),
  }),
  'admin.roles': v.strictObject({ teamId: id }),
  'admin.grantRole': v.strictObject({
    volunteerId: id,
    role: v.picklist(['admin', 'organizer'], '角色无效'),
    teamId: id,
  }),
  'admin.revokeRole': v.strictObject({ roleId: id }),
  'admin.periods': empty,
  'admin.savePeriod': periodSchema,
  'spreadsheet.importStart': v.strictObject({ teamId: id }),
  'spreadsheet.importTemplate': empty,
  'spreadsheet.importPreview': v.strictObject({ teamId: id, fileID }),
  'spreadsheet.importCommit': v.strictObject({ teamId: id, fileID }),
  ...activitySchemas,
  ...exportSchemas,
  ...checkinSchemas,
  ...reportSchemas,
}

export interface Invalid {
  field: string
  message: string
}

/** Validates `input`; on failure names the first invalid field with a message fit to show a user. */
export function validate<T>(
  schema: v.GenericSchema<unknown, T>,
  input: unknown,
): { ok: true; value: T } | ({ ok: false } & Invalid) {
  const result = v.safeParse(schema, input ?? {})
  if (result.success) return { ok: true, value: result.output }
  const issue = result.issues[0]
  const field = v.getDotPath(issue) ?? ''
  // Schemas that face users carry Chinese messages; valibot's English defaults become a generic one.
  const message = /[\u4e00-\u9fff]/.test(issue.message)
    ? issue.message
    : `参数 ${field || 'data'} 无效（应为 ${issue.expected ?? '有效值'}）`
  return { ok: false, field, message }
}
