/**
 * 代为注册: a family member or a team leader registers an elder who does not use the app alone.
 * The registration is the elder's own form; the helper adds how they are related and confirms a
 * consent statement that names the elder, which the record keeps word for word.
 */
import * as v from 'valibot'
import { ProxyRelation } from './enums'
import { registrationSchema } from './registration'
import { requiredText } from './schemas/common'

/** The statement the helper confirms, exactly as shown on the screen and stored on the record. */
export const proxyConsentStatement = (name: string, relation: ProxyRelation) =>
  `本人是${name}的${ProxyRelation.map[relation]}，已向${name}本人说明个人信息处理说明的内容，${name}本人同意由本人代为注册科技志愿者，并同意处理其个人信息。`

export const proxyRegistrationSchema = v.pipe(
  v.strictObject({
    registration: registrationSchema,
    proxy: v.strictObject({
      relation: v.picklist(ProxyRelation.values, '请选择您与被注册人的关系'),
      /** Typed again by the helper in the statement: it must be the registered person's name. */
      elderName: requiredText('同意声明中被注册人的姓名', 2, 20),
      consent: v.literal(true, '请确认被注册人本人已同意'),
    }),
  }),
  v.forward(
    v.check((p) => p.proxy.elderName === p.registration.name, '同意声明中的姓名须与被注册人的姓名一致'),
    ['proxy', 'elderName'],
  ),
)

export type ProxyRegistrationInput = v.InferInput<typeof proxyRegistrationSchema>
export type ProxyRegistration = v.InferOutput<typeof proxyRegistrationSchema>

/**
 * 代为报名: the statement the helper confirms for one sign-up, stored on the ticket word for word.
 * It names the elder and the activity, so a consent given once never covers another activity.
 */
export const proxySignupStatement = (name: string, relation: ProxyRelation, title: string) =>
  `本人是${name}的${ProxyRelation.map[relation]}，已向${name}本人说明活动「${title}」的时间、地点和内容，${name}本人同意由本人代为报名。`
