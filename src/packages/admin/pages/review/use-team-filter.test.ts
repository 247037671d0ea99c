import type { TeamNode } from '../../../../../types/api'
import { filterOptions } from './use-team-filter'

const t = (id: string, parentId: string | null, kind: TeamNode['kind']): TeamNode => ({
  id,
  name: id,
  kind,
  parentId,
  depth: parentId ? 1 : 0,
})
const tree = [
  t('city', null, 'city'),
  t('heshan', 'city', 'county'),
  t('lgq', 'heshan', 'township'),
  t('anhua', 'city', 'county'),
  t('medical', 'city', 'society'),
]
const ref = (id: string) => ({ id, name: id, kind: 'county' as const })

test('the owner narrows to the teams under the city', () => {
  expect(filterOptions([{ role: 'owner', team: ref('*') }], tree).map((o) => o.id)).toEqual([
    'heshan',
    'anhua',
    'medical',
  ])
})

test('an administrator narrows to their own teams and the teams directly below', () => {
  expect(filterOptions([{ role: 'admin', team: ref('heshan') }], tree).map((o) => o.id)).toEqual(['heshan', 'lgq'])
  expect(
    filterOptions(
      [
        { role: 'admin', team: ref('heshan') },
        { role: 'admin', team: ref('anhua') },
      ],
      tree,
    ).map((o) => o.id),
  ).toEqual(['heshan', 'lgq', 'anhua'])
})

test('no filter where it would change nothing (one team, nothing below), and never from an organizer role', () => {
  expect(filterOptions([{ role: 'admin', team: ref('anhua') }], tree)).toEqual([])
  expect(filterOptions([{ role: 'organizer', team: ref('heshan') }], tree)).toEqual([])
})
