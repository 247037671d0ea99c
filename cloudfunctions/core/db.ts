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
