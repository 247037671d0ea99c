/** Rules of the team tree from the notice (§一), shared by the functions and the screens. */
import type { TeamKind } from './enums'

/** Which kinds of team may sit directly under which. */
export const CHILD_KINDS: Record<TeamKind, TeamKind[]> = {
  city: ['society', 'county', 'service_group'],
  society: ['specialty'],
  county: ['township'],
  specialty: [],
  township: [],
  service_group: [],
}

/**
 * Leaders of the notice: 支队长 ×1 and 副支队长 3–5 for a society detachment, 队长 ×1 and 副队长 2–3
 * for a county team. The notice says "一般", so counts outside the range are warnings.
 */
export const LEADER_RULES: Partial<Record<TeamKind, { leader: string; deputy: string; deputies: [number, number] }>> = {
  society: { leader: '支队长', deputy: '副支队长', deputies: [3, 5] },
  county: { leader: '队长', deputy: '副队长', deputies: [2, 3] },
}

export function leaderWarnings(kind: TeamKind, hasLeader: boolean, deputies: number): string[] {
  const rule = LEADER_RULES[kind]
  if (!rule) return []
  const out: string[] = []
  if (!hasLeader) out.push(`尚未设置${rule.leader}`)
  const [min, max] = rule.deputies
  if (deputies < min || deputies > max) out.push(`${rule.deputy}一般为 ${min}–${max} 名，现有 ${deputies} 名`)
  return out
}
