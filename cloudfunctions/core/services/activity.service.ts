import type { ActivitySummary, Page } from '../../../types/api'
import { AppError } from '../errors'
import type { ActivityDoc } from '../models'
import type { ActivityCursor, ActivityRepository } from '../repositories/activity.repository'

const DEFAULT_LIMIT = 20

export function encodeCursor(c: ActivityCursor): string {
  return Buffer.from(JSON.stringify([c.startAt.getTime(), c.id])).toString('base64url')
}

export function decodeCursor(s: string): ActivityCursor {
  try {
    const [t, id] = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'))
    if (typeof t === 'number' && typeof id === 'string') return { startAt: new Date(t), id }
  } catch {
    // fall through to the refusal below
  }
  throw new AppError('INVALID_INPUT', '分页参数无效，请刷新后重试', 'cursor')
}

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
      const after = data.cursor ? decodeCursor(data.cursor) : null
      // One extra row tells whether another page exists without a count request.
      const rows = await activities.listPublished(after, limit + 1)
      const page = rows.slice(0, limit)
      const last = page[page.length - 1]
      return {
        items: page.map(toSummary),
        nextCursor: rows.length > limit && last ? encodeCursor({ startAt: new Date(last.startAt), id: last._id }) : null,
      }
    },
  }
}
