import type { MyTicket } from '../../types/api'
import { resetStorage } from '../../test/support/taro-mock'
import { loadTickets, mergeTickets, saveTickets } from './ticket-store'

function ticket(id: string, startAt: string, endAt: string, over: Partial<MyTicket> = {}): MyTicket {
  return {
    id,
    status: 'confirmed',
    activity: {
      id: `a-${id}`,
      title: `活动 ${id}`,
      status: 'open',
      team: { id: 't', name: '赫山区科技志愿者队', kind: 'county' },
      venueKind: 'community_center',
      address: '社区服务中心',
      startAt,
      endAt,
      cancelReason: null,
    },
    token: `TOKEN-${id}`,
    nameMasked: '刘*',
    signedUpAt: '2030-01-01T00:00:00.000Z',
    promotedAt: null,
    changed: false,
    cancelUntil: startAt,
    attendance: null,
    ...over,
  }
}

const now = new Date('2030-06-10T00:00:00.000Z')

test('a fresh copy replaces the kept one and the list is soonest first', () => {
  const kept = [ticket('b', '2030-06-20T01:00:00.000Z', '2030-06-20T03:00:00.000Z', { token: 'OLD' })]
  const fresh = [
    ticket('b', '2030-06-20T01:00:00.000Z', '2030-06-20T03:00:00.000Z', { token: 'NEW' }),
    ticket('a', '2030-06-12T01:00:00.000Z', '2030-06-12T03:00:00.000Z'),
  ]
  const merged = mergeTickets(kept, fresh, now)
  expect(merged.map((t) => t.id)).toEqual(['a', 'b'])
  expect(merged[1].token).toBe('NEW')
})

test('drops tickets of activities that ended more than a day ago', () => {
  const kept = [
    ticket('old', '2030-06-01T01:00:00.000Z', '2030-06-01T03:00:00.000Z'),
    ticket('yesterday', '2030-06-09T10:00:00.000Z', '2030-06-09T12:00:00.000Z'),
  ]
  expect(mergeTickets(kept, [], now).map((t) => t.id)).toEqual(['yesterday'])
})

test('saved tickets load back, and nothing stored loads as none', async () => {
  resetStorage()
  expect(await loadTickets()).toEqual([])
  await saveTickets([ticket('a', '2030-06-12T01:00:00.000Z', '2030-06-12T03:00:00.000Z')], now)
  expect((await loadTickets()).map((t) => t.token)).toEqual(['TOKEN-a'])
})
