/** The team function: the team tree, team pages, members and leaders. */
import type { FocusTag, Gender, TeamKind } from '../enums'
import type { Empty, Page, TeamRef } from './common'

/** A team in the tree: `depth` 0 is a root. */
export interface TeamNode extends TeamRef {
  parentId: string | null
  depth: number
}

/** A team of one level of the tree (or of a search), with its member counter. */
export interface TeamLevelItem extends TeamNode {
  /** Distinct activated members of the team and every team below it. */
  members: number
  /** Ids of its ancestors and itself, root first (a picker keeps search results inside its subtree). */
  path: string[]
}

/** A member as an administrator sees them in a list: numbers masked. */
export interface MemberItem {
  volunteerId: string
  name: string
  gender: Gender
  employer: string
  position: string
  mobileMasked: string
  /** The person's primary team. */
  team: TeamRef
}

export type DeadlineState = 'done' | 'overdue' | 'due_soon' | 'upcoming'

export interface DeadlineView {
  key: string
  label: string
  /** YYYY-MM-DD, China time. */
  due: string
  state: DeadlineState
}

/** Size targets of the notice for a kind of team (社团 ≥20 at founding, ≥50 by 2020-12-31 …). */
export interface TeamTarget {
  kind: TeamKind
  founding: number
  goal: number
  goalDate: string
}

export interface PeriodView {
  id: string
  name: string
  /** YYYY-MM-DD, inclusive. */
  start: string
  end: string
  deadlines: { key: string; label: string; due: string; kinds: TeamKind[] }[]
  targets: TeamTarget[]
}

export interface TeamPage {
  team: TeamNode
  /** Root first, the team itself last. */
  breadcrumb: TeamRef[]
  /** The first children by name; `moreChildren` when there are more (the tree lists every level in pages). */
  children: TeamLevelItem[]
  moreChildren: boolean
  /** Distinct activated members of the team and every team below it. */
  members: number
  target: TeamTarget | null
  leader: MemberItem | null
  deputies: MemberItem[]
  /** The notice says "一般": counts outside the ranges are warnings, not errors. */
  warnings: string[]
  period: { id: string; name: string; deadlines: DeadlineView[] } | null
  /** Focus tags with no activity of this subtree in the current period yet. */
  focusMissing: FocusTag[]
  can: { manage: boolean; appointAdmins: boolean; appointOrganizers: boolean }
}

export interface TeamApi {
  /**
   * One level of the tree: the children of `parentId` (the roots when absent), by name, in pages;
   * or, with `q`, the teams whose name starts with it, anywhere in the tree.
   */
  'team.tree': { req: { parentId?: string; q?: string; cursor?: string; limit?: number }; res: Page<TeamLevelItem> }
  /**
   * Recounts every team's member counter and repairs those that drifted (owner, city administrators;
   * audited); `filled`: records from before memberOf given theirs.
   */
  'team.recount': { req: Empty; res: { teams: number; repaired: number; filled: number } }
  'team.page': { req: { teamId: string }; res: TeamPage }
  'team.members': { req: { teamId: string; cursor?: string; limit?: number }; res: Page<MemberItem> }
  'team.create': { req: { parentId: string; name: string; kind: TeamKind }; res: TeamNode }
  'team.rename': { req: { teamId: string; name: string }; res: TeamNode }
  'team.setLeaders': { req: { teamId: string; leaderId: string | null; deputyIds: string[] }; res: TeamPage }
}
