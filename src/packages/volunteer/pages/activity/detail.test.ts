import { BEFORE, detail, END, me, START, ticket } from '../../../../../test/support/activity-fixtures'
import { overlapQuestion, signUpState, toDetailView, type SignUpKind } from './detail'

const at = (iso: string) => new Date(iso)
const AFTER_DEADLINE = at('2030-09-19T12:00:00.000Z')
const DURING = at('2030-09-20T02:00:00.000Z')
const AFTER_CUTOFF = at('2030-09-19T05:00:00.000Z')

describe('signUpState', () => {
  test.each<[string, Parameters<typeof signUpState>, SignUpKind, string, boolean]>([
    ['seats left, activated, city-wide', [detail(), me(), BEFORE], 'signup', '报名', true],
    ['full: the waitlist', [detail({ signedUp: 30, capacity: 30 }), me(), BEFORE], 'waitlist', '已满，候补', true],
    ['signed up, before the cut-off', [detail({ mine: ticket() }), me(), BEFORE], 'cancel', '已报名（取消报名）', true],
    [
      'waitlisted, before the cut-off',
      [detail({ mine: ticket({ status: 'waitlisted', token: null }) }), me(), BEFORE],
      'cancel',
      '候补中（取消候补）',
      true,
    ],
    ['signed up, after the cut-off', [detail({ mine: ticket() }), me(), AFTER_CUTOFF], 'absent', '无法参加', true],
    [
      'signed up, during the activity',
      [detail({ status: 'ongoing', mine: ticket() }), me(), DURING],
      'absent',
      '无法参加',
      true,
    ],
    [
      'said 无法参加 already',
      [detail({ mine: ticket({ status: 'absent' }) }), me(), AFTER_CUTOFF],
      'excused',
      '已请假',
      false,
    ],
    [
      'a cancelled ticket counts as none',
      [detail({ mine: ticket({ status: 'cancelled' }) }), me(), BEFORE],
      'signup',
      '报名',
      true,
    ],
    ['past the deadline', [detail(), me(), AFTER_DEADLINE], 'closed', '已截止', false],
    ['started, not signed up', [detail({ status: 'ongoing' }), me(), DURING], 'closed', '已截止', false],
    ['approved, not activated', [detail(), me({ status: 'approved' }), BEFORE], 'activate', '需先激活', true],
    ['not registered', [detail(), me({ status: 'unregistered', memberOf: [] }), BEFORE], 'activate', '需先激活', true],
    ['pending review', [detail(), me({ status: 'pending' }), BEFORE], 'activate', '需先激活', true],
    [
      'team-only, caller not a member',
      [detail({ audience: 'team' }), me({ memberOf: ['t-city', 't-anhua'] }), BEFORE],
      'outside',
      '不在报名范围',
      false,
    ],
    [
      'team-only, caller a member of a team below',
      [detail({ audience: 'team' }), me(), BEFORE],
      'signup',
      '报名',
      true,
    ],
    [
      'cancelled activity, even when signed up',
      [detail({ status: 'cancelled', cancelReason: '台风预警', mine: ticket() }), me(), BEFORE],
      'cancelled',
      '活动已取消',
      false,
    ],
    [
      'finished',
      [detail({ status: 'finished' }), me(), at('2030-09-21T00:00:00.000Z')],
      'finished',
      '活动已结束',
      false,
    ],
    ['ended by the clock before the server said so', [detail(), me(), at(END)], 'finished', '活动已结束', false],
  ])('%s', (_, args, kind, label, enabled) => {
    expect(signUpState(...args)).toMatchObject({ kind, label, enabled })
  })

  test('a cancelled activity gives its reason', () => {
    expect(signUpState(detail({ status: 'cancelled', cancelReason: '台风预警' }), me(), BEFORE).hint).toBe(
      '取消原因：台风预警',
    )
  })

  test('a team-only activity names the team', () => {
    expect(signUpState(detail({ audience: 'team' }), me({ memberOf: [] }), BEFORE).hint).toContain('赫山区科技志愿者队')
  })
})

test('the overlap question names each overlapping activity', () => {
  expect(overlapQuestion(detail())).toBeNull()
  const one = { id: 'x', title: '农技服务下乡', startAt: START, endAt: END }
  expect(overlapQuestion(detail({ overlaps: [one] }))).toBe('与已报名的「农技服务下乡」时间重叠，仍要报名？')
  expect(overlapQuestion(detail({ overlaps: [one, { ...one, title: '义诊' }] }))).toBe(
    '与已报名的「农技服务下乡」「义诊」时间重叠，仍要报名？',
  )
})

describe('toDetailView', () => {
  test('labels every field in the notice’s words', () => {
    const v = toDetailView(detail(), BEFORE)
    expect(v).toMatchObject({
      typeLabel: '科普报告',
      statusLabel: '报名中',
      time: '9月20日 周五 09:30–12:30',
      deadline: '2030年9月19日 18:00',
      venue: '社区服务中心',
      hasMap: true,
      theme: '防灾减灾',
      beneficiaries: '老年人、未成年人',
      focusTags: ['结合全国科普日等重点活动', '结合卫生健康等群众关切'],
      insured: true,
      audience: '全市科技志愿者',
      seats: '剩余 18 个名额（共 30 人）',
      mine: null,
    })
  })

  test('a full activity says how many wait; no map without a point; no theme or beneficiaries when unset', () => {
    const v = toDetailView(detail({ signedUp: 30, waiting: 4, location: null, theme: null, beneficiaries: [] }), BEFORE)
    expect([v.seats, v.hasMap, v.theme, v.beneficiaries]).toEqual([
      '名额已满（共 30 人），候补 4 人',
      false,
      null,
      null,
    ])
  })

  test('the caller’s ticket with its notes; only a confirmed one with a token shows a code', () => {
    const promoted = toDetailView(detail({ mine: ticket({ promotedAt: START, changed: true }) }), BEFORE).mine
    expect(promoted).toEqual({
      status: '报名成功',
      notes: ['候补转正', '时间地点有变更'],
      canShowCode: true,
      ticketId: 'tk-1',
    })
    const waiting = toDetailView(detail({ mine: ticket({ status: 'waitlisted', token: null }) }), BEFORE).mine
    expect([waiting?.status, waiting?.canShowCode]).toEqual(['候补中', false])
  })

  test('the cancel reason only for a cancelled activity', () => {
    expect(toDetailView(detail({ status: 'cancelled', cancelReason: '台风预警' })).cancelReason).toBe('台风预警')
  })
})
