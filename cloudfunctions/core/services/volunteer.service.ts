import type { MeView } from '../../../types/api'
import type { Caller } from '../context'
import type { VolunteerRepository } from '../repositories/volunteer.repository'

export function volunteerService(volunteers: VolunteerRepository) {
  return {
    /** 我的: the caller's own state and the facts its next step needs, masked. */
    async me(caller: Caller): Promise<MeView> {
      const [v, roles] = await Promise.all([volunteers.findByOpenid(caller.openid), caller.roles()])
      if (!v) {
        return { status: 'unregistered', profile: null, team: null, rejectReason: null, submittedAt: null, roles, serviceHours: 0 }
      }
      return {
        status: v.status,
        profile: {
          name: v.name,
          gender: v.gender,
          idNumberMasked: v.idNumberMasked,
          employer: v.employer,
          position: v.position,
          mobileMasked: v.mobileMasked,
        },
        team: v.team,
        rejectReason: v.status === 'rejected' ? v.rejectReason : null,
        submittedAt: new Date(v.submittedAt).toISOString(),
        roles,
        serviceHours: Math.round((v.serviceMinutes ?? 0) / 6) / 10,
      }
    },
  }
}
