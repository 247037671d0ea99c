import { createHandler } from '../core/handler'
import { platform, repos, tellAboutActivity } from '../core/platform'
import { activityService } from '../core/services/activity.service'
import { signupService } from '../core/services/signup.service'

const deps = { ...repos, tell: tellAboutActivity }
const activities = activityService(deps)
const signups = signupService(deps)

/** Activities: browse, publish, sign up, tickets. */
export const main = createHandler<'activity'>(
  'activity',
  {
    list: (caller, data) => activities.list(caller, data),
    detail: (caller, data) => activities.detail(caller, data),
    organized: (caller, data) => activities.organized(caller, data),
    forEdit: (caller, data) => activities.forEdit(caller, data),
    save: (caller, data) => activities.save(caller, data),
    publish: (caller, data) => activities.publish(caller, data),
    cancel: (caller, data) => activities.cancel(caller, data),
    signUp: (caller, data) => signups.signUp(caller, data),
    cancelSignup: (caller, data) => signups.cancelSignup(caller, data),
    signUpFor: (caller, data) => signups.signUpFor(caller, data),
    cancelFor: (caller, data) => signups.cancelFor(caller, data),
    elders: (caller) => signups.elders(caller),
    absent: (caller, data) => signups.absent(caller, data),
    mine: (caller, data) => signups.mine(caller, data),
  },
  platform,
)
