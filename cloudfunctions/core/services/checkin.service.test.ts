import { makeCaller } from '../context'
import type { MakeupDoc } from '../models'
import { checkinService, type CheckinDeps } from './checkin.service'

const MAKEUP: MakeupDoc = {
  _id: 'mk-1',
  ticketId: 'tk-1',
  activityId: 'act-1',
  openid: 'o-vol',
  minutes: 60,
  reason: '撤展',
  by: 'o-org',
  at: new Date('2030-09-20T02:00:00Z'),
  declined: null,
}

/** The repositories a decline touches; the conditional write's answer is the test's to choose. */
function service(declineWins: boolean) {
  const addServiceMinutes = jest.fn(async () => undefined)
  const deps = {
    activities: { get: async () => ({ _id: 'act-1', stage: 'published', teamPath: ['t1'] }) },
    checks: { getMakeup: async () => MAKEUP, declineMakeup: async () => declineWins },
    volunteers: { addServiceMinutes },
    tickets: {},
    tell: async () => undefined,
  } as unknown as CheckinDeps
  const caller = makeCaller('o-org', async () => [
    { role: 'organizer', team: { id: 't1', name: '赫山区科技志愿者队', kind: 'county' } },
  ])
  return { svc: checkinService(deps), caller, addServiceMinutes }
}

describe('declineMakeup', () => {
  it('takes the minutes back once, from the call whose conditional update declined it', async () => {
    const s = service(true)
    await s.svc.declineMakeup(s.caller, { makeupId: 'mk-1', reason: '核实后不符' })
    expect(s.addServiceMinutes).toHaveBeenCalledWith(new Map([['o-vol', -60]]))
  })

  it('moves nothing when another call declined it between the read and the write', async () => {
    const s = service(false)
    await expect(s.svc.declineMakeup(s.caller, { makeupId: 'mk-1', reason: '核实后不符' })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    expect(s.addServiceMinutes).not.toHaveBeenCalled()
  })
})
