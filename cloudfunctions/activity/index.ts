import { createHandler } from '../core/handler'
import { platform, repos } from '../core/platform'
import { activityService } from '../core/services/activity.service'

const activities = activityService(repos.activities)

/** Activities: browse, sign up, publish. */
export const main = createHandler<'activity'>('activity', { list: (_caller, data) => activities.list(data) }, platform)
