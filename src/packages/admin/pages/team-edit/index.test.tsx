import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as taro from '@tarojs/taro'
import { city, fail, longguangqiao, ok, teamPage } from '../../../../../test/support/admin-fixtures'
import { answerCalls, sent } from '../../../../../test/support/answer-calls'
import { call } from '../../../../services/client'
import TeamEditPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

const route = (params: Record<string, string>) =>
  jest.spyOn(taro, 'useRouter').mockReturnValue({ params, path: '' } as never)
const cityPage = teamPage({ team: { ...city, parentId: null, depth: 0 }, breadcrumb: [city] })
const created = ok({
  id: 'team-new',
  name: '新市镇科技志愿者服务分队',
  kind: 'township' as const,
  parentId: 'team-heshan',
  depth: 2,
})

beforeEach(() => {
  callMock.mockReset()
  jest.mocked(Taro.navigateBack).mockClear()
})
afterEach(() => jest.restoreAllMocks())

const typeName = (value: string) => fireEvent.change(screen.getByTestId('name-input'), { target: { value } })
const save = async (label = '创建') => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: label }))
  })
}
const kindChips = () => screen.queryAllByRole('checkbox').map((c) => c.textContent)

test('under the city only the kinds of CHILD_KINDS are offered', async () => {
  route({ parentId: 'team-city' })
  answerCalls(callMock, { 'team.page': ok(cityPage) })
  render(<TeamEditPage />)
  await screen.findByTestId('name-input')
  expect(kindChips()).toEqual(['学会科技志愿者支队', '区县（市）科技志愿者队', '专业科技志愿服务团'])
})

test('under a county the one allowed kind is chosen already and the payload is sent', async () => {
  route({ parentId: 'team-heshan' })
  answerCalls(callMock, { 'team.page': ok(teamPage()), 'team.create': created })
  render(<TeamEditPage />)
  await screen.findByTestId('name-input')
  expect(kindChips()).toEqual(['乡镇（街道）科技志愿者服务分队'])
  expect(screen.getByTestId('kind-township').getAttribute('aria-checked')).toBe('true')
  typeName(' 新市镇科技志愿者服务分队 ')
  await save()
  expect(sent(callMock, 'team.create')).toEqual([
    { parentId: 'team-heshan', name: '新市镇科技志愿者服务分队', kind: 'township' },
  ])
  expect(Taro.navigateBack).toHaveBeenCalled()
})

test('checks the name and the kind with the server’s schema before sending', async () => {
  route({ parentId: 'team-city' })
  answerCalls(callMock, { 'team.page': ok(cityPage) })
  render(<TeamEditPage />)
  await screen.findByTestId('name-input')
  typeName('队')
  await save()
  expect(screen.getByTestId('team-name-error').textContent).toBe('队伍名称至少 2 个字')
  typeName('益阳市农学会科技志愿者支队')
  await save()
  expect(screen.getByTestId('team-kind-error').textContent).toBe('请选择队伍类型')
  expect(sent(callMock, 'team.create')).toEqual([])
})

test('shows the server’s refusal next to the name', async () => {
  route({ parentId: 'team-heshan' })
  answerCalls(callMock, {
    'team.page': ok(teamPage()),
    'team.create': fail('INVALID_INPUT', '同一上级下已有同名队伍', 'name'),
  })
  render(<TeamEditPage />)
  await screen.findByTestId('name-input')
  typeName('龙光桥街道科技志愿者服务分队')
  await save()
  expect(screen.getByTestId('team-name-error').textContent).toBe('同一上级下已有同名队伍')
  expect(Taro.navigateBack).not.toHaveBeenCalled()
})

test('a township team cannot have sub-teams', async () => {
  route({ parentId: longguangqiao.id })
  answerCalls(callMock, {
    'team.page': ok(teamPage({ team: { ...longguangqiao, parentId: 'team-heshan', depth: 2 } })),
  })
  render(<TeamEditPage />)
  expect((await screen.findByTestId('empty')).textContent).toContain('不能新建下级队伍')
})

test('renames: starts from the current name and sends the new one', async () => {
  route({ id: 'team-heshan' })
  answerCalls(callMock, {
    'team.page': ok(teamPage()),
    'team.rename': ok({
      id: 'team-heshan',
      name: '益阳市赫山区科技志愿者队',
      kind: 'county' as const,
      parentId: 'team-city',
      depth: 1,
    }),
  })
  render(<TeamEditPage />)
  const input = (await screen.findByTestId('name-input')) as HTMLInputElement
  expect(input.value).toBe('赫山区科技志愿者队')
  expect(kindChips()).toEqual([])
  typeName('益阳市赫山区科技志愿者队')
  await save('保存')
  expect(sent(callMock, 'team.rename')).toEqual([{ teamId: 'team-heshan', name: '益阳市赫山区科技志愿者队' }])
})

test('a refusal without a field shows under the form', async () => {
  route({ id: 'team-heshan' })
  answerCalls(callMock, {
    'team.page': ok(teamPage()),
    'team.rename': fail('NOT_IN_SCOPE', '该团队不在您的管理范围内'),
  })
  render(<TeamEditPage />)
  await screen.findByTestId('name-input')
  await save('保存')
  expect(screen.getByTestId('form-error').textContent).toBe('该团队不在您的管理范围内')
})
