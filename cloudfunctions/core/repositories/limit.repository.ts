/** Per-caller daily allowances (claim attempts, "taken" answers): a caller is slowed down, never a record. */
import { _, isDuplicateKey, rowsOf, serverNow, type Db } from '../db'

export type LimitKind = 'claim' | 'taken' | 'appeal'

export interface LimitRepository {
  /**
   * Takes one use of `kind` for `openid` on `day`, only while fewer than `max` were taken: the
   * check and the count are one conditional update, so simultaneous calls cannot overdraw it.
   */
  take(kind: LimitKind, openid: string, day: string, max: number): Promise<boolean>
  /** Whether the allowance is already spent (a read, for checks that must come before any write). */
  spent(kind: LimitKind, openid: string, day: string, max: number): Promise<boolean>
}

export function limitRepository(db: Db): LimitRepository {
  const col = db.collection('limits')
  return {
    async spent(kind, openid, day, max) {
      const [row] = await rowsOf<{ n: number }>(col.where({ _id: `${kind}_${openid}_${day}` }).limit(1))
      return (row?.n ?? 0) >= max
    },
    async take(kind, openid, day, max) {
      const _id = `${kind}_${openid}_${day}`
      const inc = async () => {
        const res = (await col.where({ _id, n: _.lt(max) }).update({ data: { n: _.inc(1) } })) as {
          stats: { updated: number }
        }
        return res.stats.updated === 1
      }
      if (await inc()) return true
      if (max < 1) return false
      try {
        await col.add({ data: { _id, kind, openid, day, n: 1, at: serverNow() } })
        return true
      } catch (e) {
        // Created by a simultaneous call, or already spent: the counter decides.
        if (isDuplicateKey(e)) return inc()
        throw e
      }
    },
  }
}
