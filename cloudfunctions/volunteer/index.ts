import { createHandler } from '../core/handler'
import { platform, quickFill, repos } from '../core/platform'
import { quickFillService } from '../core/services/quickfill.service'
import { volunteerService } from '../core/services/volunteer.service'

const volunteers = volunteerService(repos)
const quick = quickFillService(quickFill)

/** Volunteer-facing actions: the caller's own registration, activation and profile. */
export const main = createHandler<'volunteer'>(
  'volunteer',
  {
    me: (caller) => volunteers.me(caller),
    register: (caller, data) => volunteers.register(caller, data),
    update: (caller, data) => volunteers.update(caller, data),
    activate: (caller, data) => volunteers.activate(caller, data),
    leave: (caller) => volunteers.leave(caller),
    claim: (caller, data) => volunteers.claim(caller, data),
    appeal: (caller, data) => volunteers.appeal(caller, data),
    acceptInvitation: (caller, data) => volunteers.acceptInvitation(caller, data),
    declineInvitation: (caller, data) => volunteers.declineInvitation(caller, data),
    registerFor: (caller, data) => volunteers.registerFor(caller, data),
    idCardFolder: (caller) => quick.idCardFolder(caller),
    readIdCard: (caller, data) => quick.readIdCard(caller, data),
    phoneNumber: (caller, data) => quick.phoneNumber(caller, data),
  },
  platform,
)
