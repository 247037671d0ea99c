/** Words the admin screens share, from the notice and types/enums. */
import type { DeadlineState } from '../../../types/api'
import type { TeamKind } from '../../../types/enums'
import { LEADER_RULES } from '../../../types/teams'

export const DEADLINE_STATE: Record<DeadlineState, string> = {
  done: '已完成',
  overdue: '已逾期',
  due_soon: '即将到期',
  upcoming: '未到期',
}

export interface LeaderTitles {
  leader: string
  deputy: string
  /** The notice's usual number of deputies ("一般"), when it names one. */
  deputies: [number, number] | null
}

/** The notice names leaders only for society and county teams; other teams have a plain 负责人. */
export function leaderTitles(kind: TeamKind): LeaderTitles {
  const rule = LEADER_RULES[kind]
  return rule ? { ...rule } : { leader: '负责人', deputy: '副职负责人', deputies: null }
}

/** "副支队长一般 3–5 名", or null where the notice gives no range. */
export function deputyGuide(kind: TeamKind): string | null {
  const t = leaderTitles(kind)
  return t.deputies ? `${t.deputy}一般 ${t.deputies[0]}–${t.deputies[1]} 名` : null
}
