import type { ActivitySummary, Page } from '../../../types/api'
import { decodeCursor, encodeCursor } from './cursor'
import type { ActivityDoc } from '../models'
import type { ActivityRepository } from '../repositories/activity.repository'

const DEFAULT_LIMIT = 20

export function toSummary(a: ActivityDoc): ActivitySummary {
  return {
    id: a._id,
    title: a.title,
    type: a.type,
    focusTags: a.focusTags,
    status: a.status,
    team: a.team,
    address: a.address,
    startAt: new Date(a.startAt).toISOString(),
    endAt: new Date(a.endAt).toISOString(),
    capacity: a.capacity,
    signedUp: a.signedUp,
  }
}

export function activityService(activities: ActivityRepository) {
  return {
    async list(data: { cursor?: string; limit?: number }): Promise<Page<ActivitySummary>> {
      const limit = data.limit ?? DEFAULT_LIMIT
      const after = data.cursor ? (({ at, id }) => ({ startAt: at, id }))(decodeCursor(data.cursor)) : null
      // One extra row tells whether another page exists without a count request.
      const rows = await activities.listPublished(after, limit + 1)
      const page = rows.slice(0, limit)
      const last = page[page.length - 1]
      return {
        items: page.map(toSummary),
        nextCursor: rows.length > limit && last ? encodeCursor({ at: new Date(last.startAt), id: last._id }) : null,
      }
    },
  }
}
