import { _, listOf, rowsOf, type Db } from '../db'
import type { FocusTag } from '../../../types/enums'
import type { ActivityDoc } from '../models'

export interface ActivityCursor {
  startAt: Date
  id: string
}

export interface ActivityRepository {
  /** Published activities, newest start first, after `cursor`. */
  listPublished(after: ActivityCursor | null, limit: number): Promise<ActivityDoc[]>
  /** Focus tags carried by held activities of the subtree starting in [from, to). */
  focusCovered(teamId: string, from: Date, to: Date): Promise<FocusTag[]>
}

const PUBLISHED = ['open', 'ongoing', 'finished']

export function activityRepository(db: Db): ActivityRepository {
  const col = db.collection('activities')
  return {
    async listPublished(after, limit) {
      const published = { status: _.in(PUBLISHED) }
      // Keyset paging on (startAt desc, _id desc): stable under inserts, no large skip.
      const query = after
        ? _.and([published, _.or([{ startAt: _.lt(after.startAt) }, { startAt: after.startAt, _id: _.lt(after.id) }])])
        : published
      return rowsOf<ActivityDoc>(col.where(query).orderBy('startAt', 'desc').orderBy('_id', 'desc').limit(limit))
    },
    async focusCovered(teamId, from, to) {
      const rows = await listOf<{ _id: FocusTag }>(
        col
          .aggregate()
          .match({ teamPath: teamId, status: _.in(PUBLISHED), startAt: _.and(_.gte(from), _.lt(to)) })
          .unwind('$focusTags')
          .group({ _id: '$focusTags' })
          .limit(10),
      )
      return rows.map((r) => r._id)
    },
  }
}
