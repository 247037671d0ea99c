import { createHandler } from '../core/handler'
import { notifyReview, platform, repos } from '../core/platform'
import { reviewService } from '../core/services/review.service'

const reviews = reviewService({ ...repos, notifyReview })

/** Administrators: review registrations within their team subtree. */
export const main = createHandler<'admin'>(
  'admin',
  {
    reviewQueue: (caller, data) => reviews.queue(caller, data),
    reviewDetail: (caller, data) => reviews.detail(caller, data),
    reveal: (caller, data) => reviews.reveal(caller, data),
    approve: (caller, data) => reviews.approve(caller, data),
    reject: (caller, data) => reviews.reject(caller, data),
    reissueCode: (caller, data) => reviews.reissueCode(caller, data),
  },
  platform,
)
