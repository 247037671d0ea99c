import type { TeamNode } from '../../../types/api'
import { filterTeams } from './filter'

const t = (id: string, name: string, parentId: string | null, depth: number): TeamNode => ({
  id,
  name,
  kind: 'county',
  parentId,
  depth,
})
const tree = [
  t('city', '益阳市支队', null, 0),
  t('heshan', '赫山区科技志愿者队', 'city', 1),
  t('lgq', '龙光桥街道分队', 'heshan', 2),
  t('med', '医学会支队', 'city', 1),
  t('med-a', '急救专业分队', 'med', 2),
]

test('an empty query keeps the whole tree in order', () => {
  expect(filterTeams(tree, '  ').map((r) => [r.id, r.context])).toEqual(tree.map((x) => [x.id, false]))
})

test('keeps each match with its ancestors as context, in tree order', () => {
  expect(filterTeams(tree, '分队').map((r) => [r.id, r.context])).toEqual([
    ['city', true],
    ['heshan', true],
    ['lgq', false],
    ['med', true],
    ['med-a', false],
  ])
})

test('an ancestor that matches itself is not context', () => {
  expect(filterTeams(tree, '队').every((r) => !r.context)).toBe(true)
})

test('matches letters regardless of case and finds nothing when nothing matches', () => {
  expect(filterTeams([t('x', 'ABC 学会', null, 0)], 'abc')).toHaveLength(1)
  expect(filterTeams(tree, '资阳')).toEqual([])
})
