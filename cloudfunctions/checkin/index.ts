import { createHandler } from '../core/handler'
import { platform, repos, tellAboutActivity } from '../core/platform'
import { checkinService } from '../core/services/checkin.service'

const checkins = checkinService({ ...repos, tell: tellAboutActivity })

/** Check-in at the venue, check-out and hours, 补录, the after-event figures; a volunteer's records. */
export const main = createHandler<'checkin'>(
  'checkin',
  {
    scan: (caller, data) => checkins.scan(caller, data),
    pack: (caller, data) => checkins.pack(caller, data),
    sync: (caller, data) => checkins.sync(caller, data),
    attendance: (caller, data) => checkins.attendance(caller, data),
    printTokens: (caller, data) => checkins.printTokens(caller, data),
    makeup: (caller, data) => checkins.makeup(caller, data),
    declineMakeup: (caller, data) => checkins.declineMakeup(caller, data),
    saveReport: (caller, data) => checkins.saveReport(caller, data),
    confirmRecords: (caller, data) => checkins.confirmRecords(caller, data),
    todo: (caller, data) => checkins.todo(caller, data),
    mine: (caller, data) => checkins.mine(caller, data),
    requestCorrection: (caller, data) => checkins.requestCorrection(caller, data),
  },
  platform,
)
