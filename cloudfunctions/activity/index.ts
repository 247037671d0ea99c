import { db } from '../core/db'
import { createHandler } from '../core/handler'
import { platform } from '../core/platform'
import { activityRepository } from '../core/repositories/activity.repository'
import { activityService } from '../core/services/activity.service'

const activities = activityService(activityRepository(db))

/** Activities: browse, sign up, publish. */
export const main = createHandler<'activity'>('activity', { list: (_caller, data) => activities.list(data) }, platform)
