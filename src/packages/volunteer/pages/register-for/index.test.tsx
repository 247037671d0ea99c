import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ProxyReceipt, ReqOf, TeamNode } from '../../../../../types/api'
import { idCardCheckChar } from '../../../../../types/idcard'
import { call } from '../../../../services/client'
import { levelsOf } from '../../../../../test/support/team-levels'
import RegisterForPage from './index'
import { RegisterForLink } from './link'

jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  Picker: jest.requireActual('../../../../../test/support/picker-mock').Picker,
}))
jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
const callMock = call as jest.MockedFunction<typeof call>

/** Born 1952-03-04; sequence 032 is even: a woman. */
const first17 = '43090219520304032'
const ID_ELDER = first17 + idCardCheckChar(first17)

const tree: TeamNode[] = [
  { id: 'team-city', name: '湖南省科技志愿者益阳市支队', kind: 'city', parentId: null, depth: 0 },
  { id: 'team-heshan', name: '赫山区科技志愿者队', kind: 'county', parentId: 'team-city', depth: 1 },
]
const receipt: ProxyReceipt = {
  name: '王秀英',
  idNumberMasked: '430***********0329',
  mobileMasked: '137****0302',
  team: { id: 'team-heshan', name: '赫山区科技志愿者队', kind: 'county' },
  status: 'pending',
}

const type = (name: string, value: string) =>
  fireEvent.change(screen.getByTestId(`input-${name}`), { target: { value } })

async function open() {
  callMock.mockImplementation(async (action: string, data: unknown) => {
    if (action === 'team.tree') return levelsOf(tree)(data as ReqOf<'team.tree'>) as never
    if (action === 'volunteer.registerFor') return { ok: true, data: receipt } as never
    throw new Error(`no answer for ${action}`)
  })
  render(<RegisterForPage />)
  await screen.findByTestId('team-search')
}

async function fillElder() {
  type('name', '王秀英')
  type('idNumber', ID_ELDER)
  type('employer', '益阳市第一中学')
  type('position', '退休教师')
  type('mobile', '13700000302')
  fireEvent.click(screen.getByTestId('skill-lecture'))
  fireEvent.click(screen.getByTestId('slot-weekend'))
  fireEvent.change(within(screen.getByTestId('picker-source')).getByRole('combobox'), { target: { value: '2' } })
  fireEvent.click(await screen.findByTestId('team-open-team-city'))
  fireEvent.click(await screen.findByTestId('team-team-heshan'))
  fireEvent.click(screen.getByTestId('relation-family'))
}

const submit = () =>
  act(async () => {
    fireEvent.click(screen.getByTestId('submit'))
  })

beforeEach(() => callMock.mockReset())

test('registers an elder with the statement naming them, and shows only the masked receipt', async () => {
  await open()
  await fillElder()
  type('elderName', '王秀英')
  expect(screen.getByTestId('statement').textContent).toBe(
    '本人是王秀英的家人，已向王秀英本人说明个人信息处理说明的内容，王秀英本人同意由本人代为注册科技志愿者，并同意处理其个人信息。',
  )
  fireEvent.click(screen.getByTestId('proxy-consent'))
  await submit()
  expect(callMock).toHaveBeenCalledWith('volunteer.registerFor', {
    registration: expect.objectContaining({ name: '王秀英', gender: 'female', idNumber: ID_ELDER, consent: true }),
    proxy: { relation: 'family', elderName: '王秀英', consent: true },
  })
  const shown = screen.getByTestId('receipt').textContent ?? ''
  expect(shown).toContain('430***********0329')
  expect(shown).not.toContain(ID_ELDER)
})

test('sends nothing while the statement names someone else or is not confirmed, and says what is missing', async () => {
  await open()
  await fillElder()
  type('elderName', '王秀兰')
  await submit()
  expect(callMock).not.toHaveBeenCalledWith('volunteer.registerFor', expect.anything())
  expect(screen.getByTestId('field-elderName-error').textContent).toBe('同意声明中的姓名须与被注册人的姓名一致')
  expect(screen.getByTestId('form-error').textContent).toBe('请完善：声明中的姓名、同意声明')
})

test('the registration page links to it', () => {
  render(<RegisterForLink />)
  fireEvent.click(screen.getByTestId('register-for-link'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/register-for/index' })
})
