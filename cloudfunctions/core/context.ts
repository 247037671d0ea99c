import type { RoleGrant } from '../../types/api'

/** Who is calling, as the platform says (never as the payload says), and when. */
export interface Caller {
  openid: string
  /** Loaded on first use and remembered for the rest of the call. */
  roles(): Promise<RoleGrant[]>
  now(): Date
}

export function makeCaller(
  openid: string,
  loadRoles: (openid: string) => Promise<RoleGrant[]>,
  now = () => new Date(),
): Caller {
  let roles: Promise<RoleGrant[]> | undefined
  return {
    openid,
    roles: () => (roles ??= loadRoles(openid)),
    now,
  }
}
