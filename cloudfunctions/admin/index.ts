import { createHandler } from '../core/handler'
import { notifyReview, platform, repos } from '../core/platform'
import { reviewService } from '../core/services/review.service'
import { roleService } from '../core/services/role.service'

const reviews = reviewService({ ...repos, notifyReview })
const roles = roleService(repos)

/** Administrators: review registrations, appoint roles and set reporting periods, within their subtree. */
export const main = createHandler<'admin'>(
  'admin',
  {
    reviewQueue: (caller, data) => reviews.queue(caller, data),
    reviewDetail: (caller, data) => reviews.detail(caller, data),
    reveal: (caller, data) => reviews.reveal(caller, data),
    approve: (caller, data) => reviews.approve(caller, data),
    reject: (caller, data) => reviews.reject(caller, data),
    reissueCode: (caller, data) => reviews.reissueCode(caller, data),
    voidRegistration: (caller, data) => reviews.voidRegistration(caller, data),
    appeals: (caller, data) => reviews.appeals(caller, data),
    revealAppeal: (caller, data) => reviews.revealAppeal(caller, data),
    closeAppeal: (caller, data) => reviews.closeAppeal(caller, data),
    auditLog: (caller, data) => reviews.auditLog(caller, data),
    pendingActivation: (caller, data) => reviews.pendingActivation(caller, data),
    roles: (caller, data) => roles.list(caller, data),
    grantRole: (caller, data) => roles.grant(caller, data),
    revokeRole: (caller, data) => roles.revoke(caller, data),
    periods: (caller) => roles.periods(caller),
    savePeriod: (caller, data) => roles.savePeriod(caller, data),
  },
  platform,
)
