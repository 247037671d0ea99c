import { entry } from '../../../../../test/support/report-fixtures'
import { checkEntry, derivedAverage, draftFrom } from './entry-form'

const ctx = { teamId: 'team-heshan', periodId: 'period-2024', isCounty: true, highlightIds: [] }

test('a blank stays null and an entered 0 stays 0', () => {
  const d = draftFrom(entry())
  d.figures.museumTours = ''
  d.figures.caravanTours = '0'
  const r = checkEntry(d, ctx)
  expect(r.ok && r.figures.museumTours).toBeNull()
  expect(r.ok && r.figures.caravanTours).toBe(0)
})

test('names every invalid field at once: a negative count, a fraction, a word', () => {
  const d = draftFrom(entry())
  d.figures.museumTours = '-1'
  d.figures.ruralTrainees = '1.5'
  d.figures.informants = '十'
  const r = checkEntry(d, ctx)
  expect(r).toEqual({
    ok: false,
    errors: {
      museumTours: '流动科技馆巡展次数不能为负数',
      ruralTrainees: '培训人次应为整数',
      informants: '科普中国信息员人数应为数字',
    },
  })
})

test('a team other than a county sends no coverage', () => {
  const d = draftFrom(entry({ coverage: { museum: true, caravan: false } }))
  const r = checkEntry(d, { ...ctx, isCounty: false })
  expect(r.ok && r.coverage).toEqual({ museum: null, caravan: null })
})

test('the per-person average is derived, half up to one decimal, blank without informants', () => {
  expect(derivedAverage('45', '4')).toBe('11.3')
  expect(derivedAverage('10', '3')).toBe('3.3')
  expect(derivedAverage('10', '0')).toBeNull()
  expect(derivedAverage('', '3')).toBeNull()
  expect(derivedAverage('1.5', '3')).toBeNull()
})
