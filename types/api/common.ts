/** Shapes every function shares: references, pages of a list. */
import type { Role, TeamKind } from '../enums'

export type Empty = Record<string, never>

export interface TeamRef {
  id: string
  name: string
  kind: TeamKind
}

export interface RoleGrant {
  role: Role
  team: TeamRef
}

export interface Page<T> {
  items: T[]
  /** Opaque; pass back to get the next page. Null when there is none. */
  nextCursor: string | null
}
