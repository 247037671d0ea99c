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

describe('recountHours', () => {
  /**
   * A person with 90 minutes of records whose counter a failed call left at 30, and a check-out of
   * 30 minutes recorded just after the records were summed (the sum says 90, the truth is now 120)
   * whose counter moves at once.
   */
  function drifted() {
    const counter = new Map([['o-vol', 30]])
    const calls: string[] = []
    const deps = {
      checks: {
        recentPeople: async () => ['o-vol'],
        minutesOf: async () => {
          calls.push('sum')
          counter.set('o-vol', counter.get('o-vol')! + 30)
          return new Map([['o-vol', 90]])
        },
      },
      volunteers: {
        findByOpenids: async () => {
          calls.push('read counters')
          return [{ openid: 'o-vol', serviceMinutes: counter.get('o-vol') }]
        },
        // The repository's condition: written only if the counter still holds what was read.
        repairServiceMinutes: async (openid: string, from: number, to: number) => {
          if (counter.get(openid) !== from) return false
          counter.set(openid, to)
          return true
        },
      },
      activities: {},
      tickets: {},
      tell: async () => undefined,
    } as unknown as CheckinDeps
    return { svc: checkinService(deps), counter, calls }
  }

  it('reads the counters before summing the records, so a check-out meanwhile is never overwritten', async () => {
    const s = drifted()
    const r = await s.svc.recountHours(new Date('2030-09-21T03:45:00Z'))
    expect(s.calls).toEqual(['read counters', 'sum'])
    // Not written down to 90 (which would lose the new check-out); the next run repairs it to 120.
    expect(r).toEqual({ people: 1, repaired: 0 })
    expect(s.counter.get('o-vol')).toBe(60)
  })
})
