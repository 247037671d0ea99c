/**
 * The registration form's state and its checks. Every message comes from `registrationSchema`
 * (types/registration.ts) through `validate()`, the very schema the cloud function applies, so the
 * form and the server never disagree about what is valid or how to say it.
 */
import * as v from 'valibot'
import type { MeView, ProfileView } from '../../../../../types/api'
import type { ActivityType, AvailabilitySlot, Gender, SourceCategory } from '../../../../../types/enums'
import { idCardCheckChar, parseIdCard, type IdCardFacts } from '../../../../../types/idcard'
import { registrationSchema, type Registration } from '../../../../../types/registration'
import { validate } from '../../../../../types/schemas'

export interface FormState {
  name: string
  gender: Gender | ''
  idNumber: string
  employer: string
  position: string
  skills: ActivityType[]
  skillsOther: string
  specialty: string
  slots: AvailabilitySlot[]
  availabilityNote: string
  mobile: string
  source: SourceCategory | ''
  teamId: string
  consent: boolean
  /** Under 18 (by the ID number): a guardian agreed. */
  guardianConsent: boolean
}

/** Dotted field paths as the schema (and the server's INVALID_INPUT `field`) name them, in form order. */
export const FIELDS = [
  'name',
  'gender',
  'idNumber',
  'employer',
  'position',
  'skills',
  'skillsOther',
  'specialty',
  'availability.slots',
  'availability.note',
  'mobile',
  'source',
  'teamId',
  'consent',
  'guardianConsent',
] as const
export type Field = (typeof FIELDS)[number]
export type FieldErrors = Partial<Record<Field, string>>

export const isField = (f: string | undefined): f is Field => FIELDS.includes(f as Field)

export const emptyForm: FormState = {
  name: '',
  gender: '',
  idNumber: '',
  employer: '',
  position: '',
  skills: [],
  skillsOther: '',
  specialty: '',
  slots: [],
  availabilityNote: '',
  mobile: '',
  source: '',
  teamId: '',
  consent: false,
  guardianConsent: false,
}

/**
 * Editing starts from what the server holds. It returns personal numbers only masked, so the ID
 * number and mobile start empty and must be typed again; consent is asked again with every submit.
 */
export function prefill(profile: ProfileView, team: MeView['team']): FormState {
  return {
    ...emptyForm,
    name: profile.name,
    gender: profile.gender,
    employer: profile.employer,
    position: profile.position,
    skills: [...profile.skills],
    skillsOther: profile.skillsOther,
    specialty: profile.specialty,
    slots: [...profile.availability.slots],
    availabilityNote: profile.availability.note,
    source: profile.source,
    teamId: team?.id ?? '',
  }
}

/** Gender is never asked: the ID number carries it (GB 11643, the 17th digit). */
export const genderOf = (f: FormState): Gender | '' => parseIdCard(f.idNumber)?.gender ?? f.gender

/** The payload shape of the contract, still unchecked. */
export function toInput(f: FormState) {
  return {
    name: f.name,
    gender: genderOf(f),
    idNumber: f.idNumber,
    employer: f.employer,
    position: f.position,
    skills: f.skills,
    skillsOther: f.skillsOther,
    specialty: f.specialty,
    availability: { slots: f.slots, note: f.availabilityNote },
    mobile: f.mobile,
    source: f.source,
    teamId: f.teamId,
    consent: f.consent,
    ...(f.guardianConsent ? { guardianConsent: true } : {}),
  }
}

/** The whole-form check that gates submitting; its value is the trimmed payload to send. */
export function check(f: FormState) {
  return validate(registrationSchema, toInput(f))
}

/** Field names as the form labels them, for saying at once everything still to fill in. */
export const FIELD_LABELS: Record<Field, string> = {
  name: '姓名',
  gender: '身份证号',
  idNumber: '身份证号',
  employer: '单位',
  position: '职务/职称',
  skills: '服务技能',
  skillsOther: '其他技能',
  specialty: '专业特长',
  'availability.slots': '服务时间',
  'availability.note': '时间说明',
  mobile: '手机号',
  source: '志愿者来源',
  teamId: '加入的队伍',
  consent: '同意个人信息处理说明',
  guardianConsent: '监护人同意',
}

/** Every field that still needs the user, in form order, each named once ("请完善：姓名、手机号"). */
export function missingSummary(errors: FieldErrors): string | undefined {
  // Whether a guardian must agree depends on the age in the ID number: unknown until that is valid.
  const asked = FIELDS.filter((f) => errors[f] && !(f === 'guardianConsent' && errors.idNumber))
  const labels = asked.map((f) => FIELD_LABELS[f])
  const unique = [...new Set(labels)]
  return unique.length ? `请完善：${unique.join('、')}` : undefined
}

const sampleId = (first17: string) => first17 + idCardCheckChar(first17)

/** A valid registration whose parts stand in for fields outside a cross-field rule being probed. */
const SAMPLE: Registration = {
  name: '张三',
  gender: 'male',
  idNumber: sampleId('43090219850312003'),
  employer: '单位',
  position: '职务',
  skills: ['lecture'],
  skillsOther: '',
  specialty: '',
  availability: { slots: ['weekend'], note: '' },
  mobile: '13800000000',
  source: 'other',
  teamId: 'team',
  consent: true,
  // Stands in for an adult's form or a minor's with consent, outside the rule that reads it.
  guardianConsent: true,
}

/** The schema's cross-field rules and the entries each reads (see the `forward` checks). */
const CROSS_FIELD: (keyof Registration)[][] = [
  ['gender', 'idNumber'],
  ['skills', 'skillsOther'],
  ['availability'],
  // The gender stands with the ID number it is read from, so this probe tests only the age.
  ['gender', 'idNumber', 'guardianConsent'],
]

/**
 * A message for every field at once, so the form can show each next to its field. Each entry is
 * checked with its own schema; each cross-field rule (gender vs ID number, at least one skill, some
 * availability) is probed on its own with the rest of the form standing in as valid, because the
 * whole-object schema only runs those rules once every other field is valid — the user should see a
 * gender mismatch as soon as both are filled, not after fixing the mobile number.
 */
export function fieldErrors(f: FormState): FieldErrors {
  const input = toInput(f)
  const errors: FieldErrors = {}
  const entries = registrationSchema.entries as Record<keyof Registration, v.GenericSchema>
  for (const key of Object.keys(entries) as (keyof Registration)[]) {
    // An optional entry left out is valid as such (validate() reads a missing payload as {}).
    if (input[key] === undefined && v.safeParse(entries[key], undefined).success) continue
    const r = validate(entries[key], input[key])
    if (r.ok) continue
    const field = r.field ? `${key}.${r.field}` : key
    if (isField(field)) errors[field] ??= r.message
  }
  for (const keys of CROSS_FIELD) {
    if (keys.some((k) => Object.keys(errors).some((e) => e === k || e.startsWith(`${k}.`)))) continue
    const probe = { ...SAMPLE }
    for (const k of keys) (probe as Record<string, unknown>)[k] = input[k]
    const r = validate(registrationSchema, probe)
    if (!r.ok && isField(r.field)) errors[r.field] ??= r.message
  }
  // Gender comes from the ID number: a missing or mismatching gender is the ID number's to fix.
  if (errors.gender) {
    errors.idNumber ??= errors.gender
    delete errors.gender
  }
  return errors
}

/** Birth date and gender encoded in the ID number, once it is a valid one. */
export function idFacts(idNumber: string): IdCardFacts | null {
  return parseIdCard(idNumber)
}
