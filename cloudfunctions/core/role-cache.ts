/**
 * The grants of role holders, kept in the warm instance for a short while (issue 11: organizers and
 * administrators call function after function, and each call needs their grants). A revoked or suspended grant must stop working at once in the instance that
 * changed it and within ROLE_CACHE_MS everywhere else, so every write that may change grants or a
 * holder's state clears this instance's cache (`invalidating`), and nothing is kept longer.
 */
import type { RoleGrant } from '../../types/api'

/**
 * How long a warm instance trusts grants it read. Not a deployment setting: it is the promise made
 * to administrators ("a revoked role stops working within 60 s"), so it is not configurable upward.
 */
export const ROLE_CACHE_MS = 60_000
/** A warm instance serves a few hundred people at most between cold starts; beyond this the oldest go. */
const MAX_ENTRIES = 2000

export interface RoleCache {
  get(openid: string): Promise<RoleGrant[]>
  clear(): void
}

export function roleCache(
  load: (openid: string) => Promise<RoleGrant[]>,
  clock: () => number = Date.now,
  ttl = ROLE_CACHE_MS,
): RoleCache {
  const entries = new Map<string, { at: number; grants: Promise<RoleGrant[]> }>()
  return {
    get(openid) {
      const now = clock()
      const hit = entries.get(openid)
      if (hit && now - hit.at < ttl) return hit.grants
      // Timed from before the read: an entry never outlives the TTL counted from the data it holds.
      const grants = load(openid)
      entries.delete(openid)
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string)
      entries.set(openid, { at: now, grants })
      // Only grants are kept: a failed read is not, and neither is "no grants", so a grant made in
      // another instance works at once; only a revocation may take up to the TTL to arrive.
      const drop = () => {
        if (entries.get(openid)?.grants === grants) entries.delete(openid)
      }
      grants.then((g) => g.length === 0 && drop(), drop)
      return grants
    },
    clear: () => entries.clear(),
  }
}

/**
 * The repository with `forget` run after every method not listed in `harmless` (the methods that
 * cannot change grants or a holder's state: reads, counters), whether it succeeded or not. Listing
 * those, not the writes, means a method added later clears the cache until someone lists it:
 * too often costs a request, too seldom would keep a revoked role.
 */
export function invalidating<R extends object>(repo: R, harmless: readonly (keyof R)[], forget: () => void): R {
  const out = { ...repo } as Record<string, unknown>
  for (const [name, fn] of Object.entries(repo)) {
    if (typeof fn !== 'function' || harmless.includes(name as keyof R)) continue
    out[name] = async (...args: unknown[]) => {
      try {
        return await (fn as (...a: unknown[]) => Promise<unknown>)(...args)
      } finally {
        forget()
      }
    }
  }
  return out as R
}
