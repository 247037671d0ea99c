/**
 * The activity form's state and its checks. Every message comes from `activityInputSchema`
 * (types/schemas/activity.ts), the very schema the activity function applies, so the form and the
 * server never disagree about what is valid or how to say it.
 */
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import * as v from 'valibot'
import type { ActivityInput } from '../../../../../types/api'
import type { ActivityType, Audience, BeneficiaryGroup, FocusTag, Theme, VenueKind } from '../../../../../types/enums'
import { activityInputSchema } from '../../../../../types/schemas/activity'
import { validate } from '../../../../../types/schemas'

dayjs.extend(utc)

/** Activities happen in Yiyang: the form reads and writes China time whatever the phone's zone. */
const CHINA_OFFSET_MINUTES = 8 * 60

export interface FormState {
  teamId: string
  title: string
  type: ActivityType | ''
  focusTags: FocusTag[]
  theme: Theme | ''
  venueKind: VenueKind | ''
  address: string
  location: { latitude: number; longitude: number } | null
  /** YYYY-MM-DD and HH:mm, China time, as the pickers give them. */
  startDate: string
  startTime: string
  endDate: string
  endTime: string
  deadlineDate: string
  deadlineTime: string
  capacity: string
  description: string
  beneficiaries: BeneficiaryGroup[]
  contactName: string
  contactPhone: string
  audience: Audience
  /** Asked, not assumed: null until the organizer answers. */
  insured: boolean | null
}

/** Field paths as the schema (and the server's INVALID_INPUT `field`) name them, in form order. */
export const FIELDS = [
  'teamId',
  'title',
  'type',
  'focusTags',
  'theme',
  'venueKind',
  'address',
  'location',
  'startAt',
  'endAt',
  'signupDeadline',
  'capacity',
  'description',
  'beneficiaries',
  'contact.name',
  'contact.phone',
  'audience',
  'insured',
] as const
export type Field = (typeof FIELDS)[number]
export type FieldErrors = Partial<Record<Field, string>>
export const isField = (f: string | undefined): f is Field => FIELDS.includes(f as Field)

export function emptyForm(teamId = ''): FormState {
  return {
    teamId,
    title: '',
    type: '',
    focusTags: [],
    theme: '',
    venueKind: '',
    address: '',
    location: null,
    startDate: '',
    startTime: '',
    endDate: '',
    endTime: '',
    deadlineDate: '',
    deadlineTime: '',
    capacity: '',
    description: '',
    beneficiaries: [],
    contactName: '',
    contactPhone: '',
    audience: 'city',
    insured: null,
  }
}

/** `2030-09-20` + `09:30` (China time) → an ISO instant; undefined until both are picked. */
export function toInstant(date: string, time: string): string | undefined {
  if (!date || !time) return undefined
  const d = dayjs(`${date}T${time}:00+08:00`)
  return d.isValid() ? d.toISOString() : undefined
}

/** An ISO instant → the China date and time the pickers show. */
export function fromInstant(iso: string): { date: string; time: string } {
  const d = dayjs(iso).utcOffset(CHINA_OFFSET_MINUTES)
  return { date: d.format('YYYY-MM-DD'), time: d.format('HH:mm') }
}

export function fromInput(i: ActivityInput): FormState {
  const start = fromInstant(i.startAt)
  const end = fromInstant(i.endAt)
  const deadline = fromInstant(i.signupDeadline)
  return {
    teamId: i.teamId,
    title: i.title,
    type: i.type,
    focusTags: [...i.focusTags],
    theme: i.theme ?? '',
    venueKind: i.venueKind,
    address: i.address,
    location: i.location,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    deadlineDate: deadline.date,
    deadlineTime: deadline.time,
    capacity: String(i.capacity),
    description: i.description,
    beneficiaries: [...i.beneficiaries],
    contactName: i.contact.name,
    contactPhone: i.contact.phone,
    audience: i.audience,
    insured: i.insured,
  }
}

/** The payload shape of the contract, still unchecked: what is not filled in is left undefined. */
export function toInput(f: FormState) {
  const capacity = f.capacity.trim()
  return {
    teamId: f.teamId || undefined,
    title: f.title,
    type: f.type || undefined,
    focusTags: f.focusTags,
    theme: f.theme || null,
    venueKind: f.venueKind || undefined,
    address: f.address,
    location: f.location,
    startAt: toInstant(f.startDate, f.startTime),
    endAt: toInstant(f.endDate, f.endTime),
    capacity: capacity === '' ? undefined : /^\d+$/.test(capacity) ? Number(capacity) : Number.NaN,
    signupDeadline: toInstant(f.deadlineDate, f.deadlineTime),
    description: f.description,
    beneficiaries: f.beneficiaries,
    contact: { name: f.contactName, phone: f.contactPhone },
    audience: f.audience,
    insured: f.insured ?? undefined,
  }
}

/** The whole-form check that gates saving; its value is the trimmed payload to send. */
export function check(f: FormState) {
  return validate(activityInputSchema, toInput(f))
}

const objectSchema = activityInputSchema.pipe[0]

/** Stands in for the fields a cross-field rule (end after start, deadline before start) does not read. */
const SAMPLE: ActivityInput = {
  teamId: 'team',
  title: '活动',
  type: 'other',
  focusTags: [],
  theme: null,
  venueKind: 'online',
  address: '地点',
  location: null,
  startAt: '2030-01-01T00:00:00.000Z',
  endAt: '2030-01-01T01:00:00.000Z',
  capacity: 1,
  signupDeadline: '2030-01-01T00:00:00.000Z',
  description: '',
  beneficiaries: [],
  contact: { name: '联系人', phone: '13800000000' },
  audience: 'city',
  insured: false,
}

/**
 * A message for every invalid field at once, so the form shows each next to its field. Each entry is
 * checked with its own schema; the time rules, which the whole-object schema only runs once every
 * other field is valid, are probed with the form's three times and the rest standing in as valid.
 */
export function fieldErrors(f: FormState): FieldErrors {
  const input = toInput(f) as Record<string, unknown>
  const errors: FieldErrors = {}
  const entries = objectSchema.entries as Record<string, v.GenericSchema>
  const contact = (entries.contact as unknown as { entries: Record<string, v.GenericSchema> }).entries
  const checks: [Field, v.GenericSchema, unknown][] = Object.keys(entries)
    .filter((k) => k !== 'contact')
    .map((k) => [k as Field, entries[k], input[k]])
  checks.push(['contact.name', contact.name, f.contactName], ['contact.phone', contact.phone, f.contactPhone])
  for (const [field, schema, value] of checks) {
    // A blank text field is "not filled in" (请填写…), not "too short".
    const given = typeof value === 'string' && value.trim() === '' ? undefined : value
    const message = firstIssue(schema, given)
    if (message) errors[field] = message
  }
  if (!errors.startAt && !errors.endAt && !errors.signupDeadline) {
    const probe = { ...SAMPLE, startAt: input.startAt, endAt: input.endAt, signupDeadline: input.signupDeadline }
    const r = v.safeParse(activityInputSchema, probe)
    for (const issue of r.issues ?? []) {
      const field = v.getDotPath(issue) ?? ''
      if (isField(field)) errors[field] ??= issue.message
    }
  }
  return errors
}

/** The schema's message for `value`, or undefined when it is valid. */
function firstIssue(schema: v.GenericSchema, value: unknown): string | undefined {
  const r = v.safeParse(schema, value)
  if (r.success) return undefined
  const message = r.issues[0].message
  return /[\u4e00-\u9fff]/.test(message) ? message : '填写有误'
}
