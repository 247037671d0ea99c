/**
 * The registration form (附件1 step 4; DOMAIN.md "Volunteers"). The app's form and the function
 * boundary validate with this one schema, so both give the same Chinese message for the same field.
 */
import * as v from 'valibot'
import { ActivityType, AvailabilitySlot, Gender, SourceCategory } from './enums'
import { ageOn, parseIdCard } from './idcard'
import { optionalText, requiredText } from './schemas/common'

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/

/** Under this age, registration needs a guardian's consent. */
export const ADULT_AGE = 18

export const registrationSchema = v.pipe(
  v.strictObject({
    name: v.pipe(requiredText('姓名', 2, 20), v.regex(/^[\u4e00-\u9fa5A-Za-z·• ]+$/, '姓名只能包含汉字、字母和间隔号')),
    gender: v.picklist(Gender.values, '请选择性别'),
    idNumber: v.pipe(
      v.string('请填写身份证号'),
      v.trim(),
      v.nonEmpty('请填写身份证号'),
      v.toUpperCase(),
      v.length(18, '身份证号应为 18 位'),
      v.check((s) => parseIdCard(s, new Date(8.64e15)) !== null, '身份证号校验不通过，请核对'),
      v.check((s) => parseIdCard(s) !== null, '身份证号的出生日期晚于今天，请核对'),
    ),
    employer: requiredText('单位', 1, 60),
    position: requiredText('职务/职称', 1, 40),
    skills: v.pipe(v.array(v.picklist(ActivityType.values, '服务技能无效')), v.maxLength(ActivityType.values.length)),
    skillsOther: optionalText('其他技能', 60),
    specialty: optionalText('专业特长', 60),
    availability: v.strictObject({
      slots: v.pipe(
        v.array(v.picklist(AvailabilitySlot.values, '服务时间无效')),
        v.maxLength(AvailabilitySlot.values.length, '服务时间选项过多'),
      ),
      note: optionalText('服务时间说明', 100),
    }),
    mobile: v.pipe(
      v.string('请填写手机号'),
      v.trim(),
      v.nonEmpty('请填写手机号'),
      v.regex(MOBILE_PATTERN, '手机号格式不正确'),
    ),
    source: v.picklist(SourceCategory.values, '请选择志愿者来源'),
    teamId: v.pipe(v.string('请选择加入的队伍'), v.minLength(1, '请选择加入的队伍'), v.maxLength(64, '队伍无效')),
    consent: v.literal(true, '请阅读并同意个人信息处理说明'),
    /** Required (true) when the ID number says the person is under 18. */
    guardianConsent: v.optional(v.boolean('监护人同意应为是或否')),
  }),
  v.forward(
    v.check((r) => {
      const facts = parseIdCard(r.idNumber)
      return !facts || ageOn(facts.birthDate) >= ADULT_AGE || r.guardianConsent === true
    }, '未满 18 周岁，须经监护人同意后注册'),
    ['guardianConsent'],
  ),
  v.forward(
    v.check((r) => parseIdCard(r.idNumber)?.gender === r.gender, '性别与身份证号不符，请核对'),
    ['gender'],
  ),
  v.forward(
    v.check((r) => r.skills.length > 0 || r.skillsOther !== '', '请至少选择一项服务技能'),
    ['skills'],
  ),
  v.forward(
    v.check((r) => r.availability.slots.length > 0 || r.availability.note !== '', '请选择或填写服务时间'),
    ['availability', 'slots'],
  ),
)

export type RegistrationInput = v.InferInput<typeof registrationSchema>
export type Registration = v.InferOutput<typeof registrationSchema>

/** Fields whose change sends an activated volunteer back to review (身份信息 and the team). */
export const IDENTITY_FIELDS = ['name', 'gender', 'idNumber', 'employer', 'position', 'teamId'] as const

export const activationCodeSchema = v.pipe(v.string('请输入激活码'), v.trim(), v.regex(/^\d{6}$/, '激活码为 6 位数字'))
export const rejectReasonSchema = v.pipe(
  v.string('请填写不通过的原因'),
  v.trim(),
  v.minLength(2, '请填写不通过的原因'),
  v.maxLength(200, '原因不超过 200 字'),
)
