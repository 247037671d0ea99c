import type { RoleGrant } from '../../../types/api'
import type { PeriodDoc, TeamDoc } from '../models'
import { newTeam } from '../team'
import { buildTeamPage, type TeamPageInputs } from './team-page'

const city = { ...newTeam({ _id: 'c', name: '市支队', kind: 'city', createdBy: 'x' }, null), members: 130 }
const county = { ...newTeam({ _id: 'h', name: '赫山区队', kind: 'county', createdBy: 'x' }, city), members: 120 }
const township = { ...newTeam({ _id: 't', name: '龙光桥分队', kind: 'township', createdBy: 'x' }, county), members: 7 }
const period: PeriodDoc = {
  _id: 'p',
  name: '2026年度',
  start: '2026-01-01',
  end: '2026-12-31',
  deadlines: [
    { key: 'teams_formed', label: '组建完成', due: '2026-09-14', kinds: ['county'] },
    { key: 'roster', label: '报送附件2', due: '2026-09-18', kinds: ['county'] },
    { key: 'city_formed', label: '市支队组建', due: '2026-09-01', kinds: ['city'] },
  ],
  targets: [{ kind: 'county', founding: 100, goal: 500, goalDate: '2026-12-31' }],
}
const card = (openid: string, name: string) => ({
  openid,
  volunteerId: `v-${openid}`,
  name,
  gender: 'male' as const,
  employer: '单位',
  position: '',
  mobileMasked: '138****0000',
  team: { id: 'h', name: '赫山区队', kind: 'county' as const },
})
const inputs = (over: Partial<TeamPageInputs> = {}): TeamPageInputs => ({
  team: county,
  path: [county, city],
  children: [township],
  moreChildren: false,
  period,
  covered: ['key_event'],
  filed: new Set(),
  grants: [] as RoleGrant[],
  manage: true,
  now: new Date('2026-09-12T00:00:00Z'),
  ...over,
})

it('reads members from the counters of the team and of each child', () => {
  const page = buildTeamPage(inputs())
  expect(page.members).toBe(120)
  expect(page.children).toEqual([expect.objectContaining({ id: 't', members: 7, depth: 2 })])
})

it('orders the breadcrumb by the path, root first, whatever order the path was read in', () => {
  expect(buildTeamPage(inputs()).breadcrumb.map((b) => b.id)).toEqual(['c', 'h'])
})

it('marks formed once the counter reaches the founding size, and a form once filed', () => {
  const states = (p: ReturnType<typeof buildTeamPage>) =>
    Object.fromEntries(p.period!.deadlines.map((d) => [d.key, d.state]))
  expect(states(buildTeamPage(inputs()))).toEqual({ teams_formed: 'done', roster: 'due_soon' })
  const small = { ...county, members: 99 }
  expect(states(buildTeamPage(inputs({ team: small, filed: new Set(['roster']) })))).toEqual({
    teams_formed: 'due_soon',
    roster: 'done',
  })
})

it('lists the focus tags still missing and says whether more children follow', () => {
  const page = buildTeamPage(inputs({ moreChildren: true }))
  expect(page.focusMissing).toEqual(['public_concern', 'key_group'])
  expect(page.moreChildren).toBe(true)
})

it('shows leaders from the cards kept on the team, with warnings for missing deputies', () => {
  const led: TeamDoc = {
    ...county,
    leaderOpenid: 'a',
    deputyOpenids: ['b', 'gone'],
    leaderCards: [card('a', '张三'), card('b', '李四')],
  }
  const page = buildTeamPage(inputs({ team: led }))
  expect(page.leader?.name).toBe('张三')
  expect(page.deputies.map((d) => d.name)).toEqual(['李四'])
  expect(page.warnings).toEqual(['副队长一般为 2–3 名，现有 1 名'])
  expect(JSON.stringify(page)).not.toContain('"openid"')
})

it('has no period section without a period, and only owners appoint administrators', () => {
  const page = buildTeamPage(inputs({ period: null, manage: false }))
  expect(page.period).toBeNull()
  expect(page.target).toBeNull()
  expect(page.can).toEqual({ manage: false, appointAdmins: false, appointOrganizers: false })
})
