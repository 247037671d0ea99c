/**
 * The period form's state and its translation to the `admin.savePeriod` payload. Inputs hold text;
 * the payload is checked with `periodSchema`, the schema the function itself applies.
 */
import type { PeriodView } from '../../../../../types/api'
import { TeamKind } from '../../../../../types/enums'
import { periodSchema, validate, type Invalid } from '../../../../../types/schemas'

export interface DeadlineDraft {
  /** Stable id of the deadline; keys ending in `_formed` count as done once the team reaches its founding size. */
  key: string
  label: string
  due: string
  /** Kinds of team it applies to; none means every kind. */
  kinds: TeamKind[]
}

export interface TargetDraft {
  kind: TeamKind
  founding: string
  goal: string
  goalDate: string
}

export interface PeriodDraft {
  id?: string
  name: string
  start: string
  end: string
  deadlines: DeadlineDraft[]
  targets: TargetDraft[]
}

export const emptyDraft = (): PeriodDraft => ({ name: '', start: '', end: '', deadlines: [], targets: [] })

/** Editing keeps the id; copying starts a new period with the same deadlines, targets and keys. */
export function draftFrom(p: PeriodView, copy = false): PeriodDraft {
  return {
    ...(copy ? {} : { id: p.id }),
    name: copy ? '' : p.name,
    start: copy ? '' : p.start,
    end: copy ? '' : p.end,
    deadlines: p.deadlines.map((d) => ({ ...d, kinds: [...d.kinds] })),
    targets: p.targets.map((t) => ({
      kind: t.kind,
      founding: String(t.founding),
      goal: String(t.goal),
      goalDate: t.goalDate,
    })),
  }
}

/** `custom_a`, `custom_b`, … `custom_aa`: the schema allows lower-case letters and underscores only. */
export function newDeadlineKey(taken: string[]): string {
  for (let n = 0; ; n++) {
    let letters = ''
    for (let i = n; ; i = Math.floor(i / 26) - 1) {
      letters = String.fromCharCode(97 + (i % 26)) + letters
      if (i < 26) break
    }
    const key = `custom_${letters}`
    if (!taken.includes(key)) return key
  }
}

/** The notice sizes society and county teams (§一), so a new target row offers those first. */
const TARGET_KIND_ORDER: TeamKind[] = [
  'society',
  'county',
  ...TeamKind.values.filter((k) => k !== 'society' && k !== 'county'),
]

/** The kind a new target row starts with: the first kind without a target yet. */
export function nextTargetKind(targets: TargetDraft[]): TeamKind {
  const used = new Set(targets.map((t) => t.kind))
  return TARGET_KIND_ORDER.find((k) => !used.has(k)) ?? TARGET_KIND_ORDER[0]
}

/** Empty text is "missing" (the schema says 请填写人数), not zero. */
const count = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()))

export function toPayload(d: PeriodDraft): unknown {
  return {
    ...(d.id ? { id: d.id } : {}),
    name: d.name,
    start: d.start.trim(),
    end: d.end.trim(),
    deadlines: d.deadlines.map((x) => ({ key: x.key, label: x.label, due: x.due.trim(), kinds: x.kinds })),
    targets: d.targets.map((t) => ({
      kind: t.kind,
      founding: count(t.founding),
      goal: count(t.goal),
      goalDate: t.goalDate.trim(),
    })),
  }
}

export function checkDraft(d: PeriodDraft) {
  return validate(periodSchema, toPayload(d))
}

/** Where in the form an invalid field is, in words: "截止事项第 2 项：". */
export function placeOf(field: string): string {
  const m = /^(deadlines|targets)\.(\d+)/.exec(field)
  if (!m) return ''
  return `${m[1] === 'deadlines' ? '截止事项' : '目标'}第 ${Number(m[2]) + 1} 项：`
}

/** The message for `path` (a field, or a row such as `deadlines.1`) when the invalid field is in it. */
export function errorAt(invalid: Invalid | undefined, path: string): string | undefined {
  if (!invalid) return undefined
  return invalid.field === path || invalid.field.startsWith(`${path}.`) ? invalid.message : undefined
}
