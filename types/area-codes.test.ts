import type { TeamNode } from './api'
import { countyOf, suggestedTeam, YIYANG_COUNTIES } from './area-codes'
import { idCardCheckChar } from './idcard'

const id = (first17: string) => first17 + idCardCheckChar(first17)
const node = (id: string, name: string, kind: TeamNode['kind']): TeamNode => ({
  id,
  name,
  kind,
  parentId: kind === 'city' ? null : 'c',
  depth: kind === 'city' ? 0 : 1,
})
const teams = [
  node('c', '湖南省科技志愿者益阳市支队', 'city'),
  node('h', '赫山区科技志愿者队', 'county'),
  node('s', '赫山区医学会科技志愿者支队', 'society'),
  node('a', '安化县科技志愿者队', 'county'),
]

it('names the county of each Yiyang area code, and nothing for others', () => {
  expect(countyOf(id('43090319560312004'))).toBe('赫山区')
  expect(countyOf(id('43092319800101001'))).toBe('安化县')
  expect(countyOf(id('11010519491231002'))).toBeNull()
  expect(countyOf('')).toBeNull()
  expect(Object.values(YIYANG_COUNTIES)).toEqual(['资阳区', '赫山区', '南县', '桃江县', '安化县', '沅江市'])
})

it('suggests the county team by name, never another kind of team or a missing county', () => {
  expect(suggestedTeam(id('43090319560312004'), teams)?.id).toBe('h')
  expect(suggestedTeam(id('43092319800101001'), teams)?.id).toBe('a')
  // 桃江县 has no team yet.
  expect(suggestedTeam(id('43092219800101001'), teams)).toBeNull()
  expect(suggestedTeam(id('11010519491231002'), teams)).toBeNull()
  expect(
    suggestedTeam(
      id('43090319560312004'),
      teams.filter((t) => t.kind !== 'county'),
    ),
  ).toBeNull()
})
