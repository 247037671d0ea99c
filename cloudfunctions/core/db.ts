import * as cloud from 'wx-server-sdk'

// Initialised once per instance and reused while it is warm (STYLE.md §5).
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export { cloud }
export const db = cloud.database()
export const _ = db.command
export type Db = typeof db

/** The rows of a query; the SDK's typings also allow a callback style this code never uses. */
export async function rowsOf<T>(query: { get(): unknown }): Promise<T[]> {
  const res = (await query.get()) as { data: T[] }
  return res.data
}

/** `get()` returns 100 rows unless limited, 1000 at most: every list query states its own limit. */
export const MAX_PAGE = 50

/** The rows of an aggregation pipeline. */
export async function listOf<T>(pipeline: { end(): unknown }): Promise<T[]> {
  const res = (await pipeline.end()) as { list: T[] }
  return res.list
}

/** A unique index refused the write (the cloud reports MongoDB's E11000). */
export function isDuplicateKey(e: unknown): boolean {
  const text = e instanceof Error ? e.message : JSON.stringify(e)
  return /E11000|duplicate key/i.test(text)
}

/** Server time for a write; the function's own clock is never trusted for stored times. */
export const serverNow = () => db.serverDate()
