import { outcome } from '../../../../test/support/checkin-fixtures'
import { clock, fromLocal, fromOutcome, unchecked } from './scan-view'

const NOW = new Date('2030-09-20T02:00:00.000Z')
const AT = '2030-09-20T01:35:00.000Z'

test('签到成功 shows the masked name and the time of the scan', () => {
  expect(fromOutcome(outcome(), 'in', AT, NOW)).toEqual({
    tone: 'ok',
    title: '签到成功',
    lines: ['刘*', '签到时间 09:35'],
    queued: false,
  })
  expect(fromOutcome(outcome(), 'out', AT, NOW).title).toBe('签退成功')
})

test('签退成功 shows the service hours the check-out earned', () => {
  expect(fromOutcome(outcome({ message: '签退成功', hours: 2.5 }), 'out', AT, NOW).lines).toEqual([
    '刘*',
    '签退时间 09:35',
    '服务时长 2.5 小时',
  ])
  expect(fromOutcome(outcome({ result: 'already', hours: 3 }), 'out', AT, NOW).lines).toContain('服务时长 3 小时')
})

test('已签到 tells when and on which phone the first scan was made', () => {
  const v = fromOutcome(
    outcome({ result: 'already', first: { at: AT, device: 'iPhone 12 K7Q2MX', method: 'offline' } }),
    'in',
    AT,
    NOW,
  )
  expect(v).toMatchObject({ tone: 'warn', title: '已签到' })
  expect(v.lines).toContain('首次签到：09:35 在 iPhone 12 K7Q2MX（离线扫码）')
})

test.each([
  ['TICKET_INVALID', '无效二维码'],
  ['TICKET_OTHER_ACTIVITY', '不是本活动的票'],
  ['TICKET_CANCELLED', '票已取消'],
])('refusal %s reads %s, with the server message under it', (code, title) => {
  const v = fromOutcome(outcome({ result: 'refused', code, message: '服务器说明', nameMasked: null }), 'in', AT, NOW)
  expect(v).toEqual({ tone: 'bad', title, lines: ['服务器说明'], queued: false })
})

test('an unknown refusal shows the server message as the title', () => {
  const v = fromOutcome(outcome({ result: 'refused', code: 'SOMETHING_NEW', message: '新的原因' }), 'in', AT, NOW)
  expect(v.title).toBe('新的原因')
})

test('offline results say they wait for upload; other days show the date', () => {
  expect(fromLocal({ result: 'done', tid: 't', ticketId: 'tk', nameMasked: '刘*' }, 'in', AT, NOW)).toMatchObject({
    title: '签到成功',
    queued: true,
  })
  expect(unchecked(AT, NOW)).toMatchObject({ title: '已暂存', queued: true })
  expect(clock('2030-09-18T01:35:00.000Z', NOW)).toBe('2030年9月18日 09:35')
})
