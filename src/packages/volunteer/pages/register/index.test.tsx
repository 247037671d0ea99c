import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { MeView, TeamNode } from '../../../../../types/api'
import { idCardCheckChar } from '../../../../../types/idcard'
import type { Registration } from '../../../../../types/registration'
import { call } from '../../../../services/client'
import { requestSubscribe } from '../../../../services/subscribe'
import RegisterPage from './index'
import { resetStorage } from '../../../../../test/support/taro-mock'
import { levelsOf } from '../../../../../test/support/team-levels'
import { DRAFT_KEY, KEPT_KEY } from './use-register'
import { files } from '../../../../services/files'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
/** WeChat's getPhoneNumber button: the DOM mock drops Taro-only props, so keep its handler here. */
const mockPhone = {
  openType: undefined as unknown,
  fire: (_detail: { code?: string; errMsg?: string }): void => {
    throw new Error('no phone button rendered')
  },
}
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual('@tarojs/components')
  const { createElement } = jest.requireActual('react')
  return {
    ...actual,
    Button: (props: Record<string, unknown>) => {
      if (props.onGetPhoneNumber) {
        mockPhone.openType = props.openType
        const handler = props.onGetPhoneNumber as typeof mockPhone.fire
        mockPhone.fire = (detail) => handler({ detail } as never)
      }
      return createElement(actual.Button, props)
    },
  }
})
jest.mock('../../../../services/subscribe', () => ({ requestSubscribe: jest.fn() }))
jest.mock('../../../../services/files', () => ({ files: { pickPhotos: jest.fn() } }))
jest.mock('../../../../services/phone-check', () => ({
  ...jest.requireActual('../../../../services/phone-check'),
  phoneCheck: {
    available: true,
    openType: 'getPhoneNumber',
    request: jest.fn(),
    fromEvent: jest.requireActual('../../../../services/phone-check').outcomeOf,
  },
}))
const pickPhotos = files.pickPhotos as jest.MockedFunction<typeof files.pickPhotos>
const callMock = call as jest.MockedFunction<typeof call>
const subscribeMock = requestSubscribe as jest.MockedFunction<typeof requestSubscribe>
const pageScrollTo = jest.fn(() => Promise.resolve({ errMsg: 'ok' }))
Object.assign(Taro, { pageScrollTo })

const id = (first17: string) => first17 + idCardCheckChar(first17)
/** Born 1985-03-12; sequence 031 is odd: a man. */
const ID_MALE = id('43090219850312031')

const tree: TeamNode[] = [
  { id: 'team-city', name: '湖南省科技志愿者益阳市支队', kind: 'city', parentId: null, depth: 0 },
  { id: 'team-heshan', name: '赫山区科技志愿者队', kind: 'county', parentId: 'team-city', depth: 1 },
  { id: 'team-lgq', name: '龙光桥街道科技志愿者服务分队', kind: 'township', parentId: 'team-heshan', depth: 2 },
  { id: 'team-ziyang', name: '资阳区科技志愿者队', kind: 'county', parentId: 'team-city', depth: 1 },
]

const unregistered: MeView = {
  status: 'unregistered',
  profile: null,
  team: null,
  rejectReason: null,
  submittedAt: null,
  roles: [],
  memberOf: [],
  serviceHours: 0,
  activationLocked: false,
  invitations: [],
  activationCode: null,
  notices: [],
  subscribeTemplateIds: ['tmpl-review'],
}
const pending: MeView = {
  ...unregistered,
  status: 'pending',
  submittedAt: '2024-09-01T06:05:00.000Z',
  team: { id: 'team-heshan', name: '赫山区科技志愿者队', kind: 'county' },
  profile: {
    name: '李明',
    gender: 'male',
    idNumberMasked: '430***********031X',
    birthYear: 1985,
    employer: '赫山区第一中学',
    position: '物理教师',
    mobileMasked: '138****1001',
    skills: ['lecture', 'youth'],
    skillsOther: '',
    specialty: '中学物理',
    availability: { slots: ['weekend'], note: '' },
    source: 'teacher',
  },
}

type Answers = Partial<Record<string, unknown>>
/** Routes the mocked client by action; functions get the payload. */
function serve(answers: Answers) {
  callMock.mockImplementation(async (action: string, data: unknown) => {
    // The photo folder is asked for with the form; tests about other things need not say so.
    const a = answers[action] ?? (action === 'volunteer.idCardFolder' ? ok({ cloudDir: 'idcard/o-1' }) : undefined)
    if (a === undefined) throw new Error(`no answer for ${action}`)
    return (typeof a === 'function' ? a(data) : a) as never
  })
}
const ok = (data: unknown) => ({ ok: true, data })

async function open(me: MeView = unregistered, extra: Answers = {}) {
  serve({ 'volunteer.me': ok(me), 'team.tree': levelsOf(tree), ...extra })
  const rendered = render(<RegisterPage />)
  await screen.findByTestId('submit')
  await screen.findByTestId('team-search')
  return rendered
}

const field = (name: string) => screen.getByTestId(`field-${name}`)
const errorOf = (name: string) => screen.queryByTestId(`field-${name}-error`)?.textContent
const type = (name: string, value: string) =>
  fireEvent.change(screen.getByTestId(`input-${name}`), { target: { value } })
const search = (q: string) => {
  fireEvent.change(screen.getByTestId('team-search'), { target: { value: q } })
  if (q) fireEvent.click(screen.getByTestId('team-search-go'))
}
/** Opens each level of `path` (下级) and chooses the team. */
async function chooseTeam(id: string, path: string[]) {
  for (const p of path) fireEvent.click(await screen.findByTestId(`team-open-${p}`))
  fireEvent.click(await screen.findByTestId(`team-${id}`))
}

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByTestId('submit'))
  })
}

async function fillAll() {
  type('name', ' 李明 ')
  type('idNumber', ID_MALE.toLowerCase())
  type('employer', '赫山区第一中学')
  type('position', '物理教师')
  fireEvent.click(screen.getByTestId('skill-lecture'))
  fireEvent.click(screen.getByTestId('skill-youth'))
  type('skillsOther', '天文观测')
  type('specialty', '中学物理')
  fireEvent.click(screen.getByTestId('slot-weekend'))
  fireEvent.click(screen.getByTestId('slot-evening'))
  type('availabilityNote', '每月第一个周六')
  type('mobile', '13807371001')
  fireEvent.click(screen.getByTestId('source-teacher'))
  await chooseTeam('team-heshan', ['team-city'])
  fireEvent.click(screen.getByTestId('consent'))
}

const expected: Registration = {
  name: '李明',
  gender: 'male',
  idNumber: ID_MALE,
  employer: '赫山区第一中学',
  position: '物理教师',
  skills: ['lecture', 'youth'],
  skillsOther: '天文观测',
  specialty: '中学物理',
  availability: { slots: ['weekend', 'evening'], note: '每月第一个周六' },
  mobile: '13807371001',
  source: 'teacher',
  teamId: 'team-heshan',
  consent: true,
}

beforeEach(() => {
  resetStorage()
  callMock.mockReset()
  subscribeMock.mockReset()
  subscribeMock.mockResolvedValue('accepted')
  pageScrollTo.mockClear()
  jest.mocked(Taro.showToast).mockClear()
  jest.mocked(Taro.switchTab).mockClear()
})

test('shows loading, then the form with every section and the privacy notice', async () => {
  serve({ 'volunteer.me': ok(unregistered), 'team.tree': levelsOf(tree) })
  render(<RegisterPage />)
  expect(screen.getByTestId('loading')).toBeTruthy()
  await screen.findByTestId('submit')
  expect(screen.queryByTestId('picker-gender')).toBeNull()
  for (const f of ['name', 'idNumber', 'employer', 'position', 'skills', 'skillsOther', 'specialty']) field(f)
  for (const f of ['availability-slots', 'availability-note', 'mobile', 'source', 'teamId', 'consent']) field(f)
  const notice = screen.getByTestId('privacy-notice').textContent
  expect(notice).toContain('加密存储')
  expect(notice).toContain('只有你所在队伍及其上级队伍的管理员')
  expect(notice).toContain('退出')
  expect(screen.getByTestId('submit').textContent).toBe('提交')
})

test('a failed load says why and retries', async () => {
  serve({
    'volunteer.me': { ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' },
    'team.tree': levelsOf(tree),
  })
  render(<RegisterPage />)
  expect((await screen.findByTestId('error')).textContent).toContain('网络不可用，请稍后重试')
  serve({ 'volunteer.me': ok(unregistered), 'team.tree': levelsOf(tree) })
  fireEvent.click(screen.getByRole('button', { name: '重试' }))
  await screen.findByTestId('submit')
})

test('submitting an empty form shows the schema message at every field and sends nothing', async () => {
  await open()
  await submit()
  expect(errorOf('name')).toBe('请填写姓名')
  expect(errorOf('idNumber')).toBe('请填写身份证号')
  expect(errorOf('employer')).toBe('请填写单位')
  expect(errorOf('position')).toBe('请填写职务/职称')
  expect(errorOf('skills')).toBe('请至少选择一项服务技能')
  expect(errorOf('availability-slots')).toBe('请选择或填写服务时间')
  expect(errorOf('mobile')).toBe('请填写手机号')
  expect(errorOf('source')).toBe('请选择志愿者来源')
  expect(errorOf('teamId')).toBe('请选择加入的队伍')
  expect(errorOf('consent')).toBe('请阅读并同意个人信息处理说明')
  expect(errorOf('specialty')).toBeUndefined()
  // Every missing field is named at once; the first is scrolled to.
  const all =
    '请完善：姓名、身份证号、单位、职务/职称、服务技能、服务时间、手机号、志愿者来源、加入的队伍、同意个人信息处理说明'
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: all }))
  expect(screen.getByTestId('form-error').textContent).toBe(all)
  expect(pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#field-name' }))
  expect(callMock).not.toHaveBeenCalledWith('volunteer.register', expect.anything())
  expect(subscribeMock).not.toHaveBeenCalled()
})

test('a valid ID number shows the birth date and gender it encodes', async () => {
  await open()
  type('idNumber', ID_MALE)
  expect(screen.getByTestId('id-facts').textContent).toContain('出生日期：1985年3月12日')
  expect(screen.getByTestId('id-facts').textContent).toContain('性别：男')
})

test('gender is never asked: the ID number gives it', async () => {
  await open(unregistered, { 'volunteer.register': ok(pending) })
  expect(screen.queryByTestId('picker-gender')).toBeNull()
  await fillAll()
  await submit()
  expect(callMock).toHaveBeenCalledWith('volunteer.register', expected)
})

test('keeps a half-filled form as a draft on the phone and restores it', async () => {
  const first = await open()
  type('name', '李明')
  type('mobile', '13807371001')
  expect(Taro.getStorageSync(DRAFT_KEY)).toMatchObject({ name: '李明', mobile: '13807371001' })
  first.unmount()
  await open()
  expect((screen.getByTestId('input-name') as HTMLInputElement).value).toBe('李明')
  expect((screen.getByTestId('input-mobile') as HTMLInputElement).value).toBe('13807371001')
})

test('a submitted form clears the draft and keeps the numbers for a later resubmission', async () => {
  await open(unregistered, { 'volunteer.register': ok(pending) })
  await fillAll()
  await submit()
  expect(Taro.getStorageSync(DRAFT_KEY)).toBe('')
  expect(Taro.getStorageSync(KEPT_KEY)).toEqual({ idNumber: ID_MALE, mobile: '13807371001' })
})

test('after a rejection the form shows the reason and keeps ID number, mobile and consent', async () => {
  Taro.setStorageSync(KEPT_KEY, { idNumber: ID_MALE, mobile: '13807371001' })
  await open({ ...pending, status: 'rejected', rejectReason: '单位名称不完整' }, { 'volunteer.update': ok(pending) })
  expect(screen.getByTestId('reject-reason').textContent).toBe('退回原因：单位名称不完整')
  expect((screen.getByTestId('input-idNumber') as HTMLInputElement).value).toBe(ID_MALE)
  expect((screen.getByTestId('input-mobile') as HTMLInputElement).value).toBe('13807371001')
  expect(screen.getByTestId('consent').getAttribute('aria-checked')).toBe('true')
  await submit()
  expect(callMock).toHaveBeenCalledWith(
    'volunteer.update',
    expect.objectContaining({ idNumber: ID_MALE, mobile: '13807371001', consent: true }),
  )
})

test('an ID number with a wrong check digit is refused with the schema message', async () => {
  await open()
  type('idNumber', ID_MALE.slice(0, 17) + (ID_MALE[17] === '1' ? '2' : '1'))
  expect(screen.queryByTestId('id-facts')).toBeNull()
  await submit()
  expect(errorOf('idNumber')).toBe('身份证号校验不通过，请核对')
})

test('consent is required', async () => {
  await open()
  await fillAll()
  fireEvent.click(screen.getByTestId('consent'))
  expect(screen.getByTestId('consent').getAttribute('aria-checked')).toBe('false')
  await submit()
  expect(errorOf('consent')).toBe('请阅读并同意个人信息处理说明')
  expect(pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#field-consent' }))
  expect(callMock).not.toHaveBeenCalledWith('volunteer.register', expect.anything())
})

test('the team search asks the server for names starting with the text; levels open and go back as they were', async () => {
  await open()
  search('赫山')
  expect(await screen.findByTestId('team-team-heshan')).toBeTruthy()
  expect(screen.queryByTestId('team-team-ziyang')).toBeNull()
  expect(callMock).toHaveBeenCalledWith('team.tree', { q: '赫山', limit: 20 })
  search('不存在')
  expect(await screen.findByText('没有名称以“不存在”开头的队伍')).toBeTruthy()
  search('')
  await chooseTeam('team-lgq', ['team-city', 'team-heshan'])
  expect(screen.getByTestId('team-chosen').textContent).toBe('已选择：龙光桥街道科技志愿者服务分队')
  // Back to the city's level: shown as it was, without asking again.
  const asked = callMock.mock.calls.length
  fireEvent.click(screen.getByTestId('team-crumb-team-city'))
  expect(screen.getByTestId('team-team-ziyang')).toBeTruthy()
  expect(callMock.mock.calls.length).toBe(asked)
})

test('a complete form asks for the subscription, then registers with the exact payload and returns to 我的', async () => {
  await open(unregistered, { 'volunteer.register': ok({ ...pending }) })
  await fillAll()
  await submit()
  expect(subscribeMock).toHaveBeenCalledWith(['tmpl-review'])
  expect(callMock).toHaveBeenCalledWith('volunteer.register', expected)
  expect(subscribeMock.mock.invocationCallOrder[0]).toBeLessThan(
    callMock.mock.invocationCallOrder[callMock.mock.calls.findIndex(([a]) => a === 'volunteer.register')],
  )
  expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交，等待审核' }))
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
})

test('a refused subscription does not stop the registration', async () => {
  subscribeMock.mockResolvedValue('refused')
  await open(unregistered, { 'volunteer.register': ok(pending) })
  await fillAll()
  await submit()
  expect(callMock).toHaveBeenCalledWith('volunteer.register', expected)
})

test('a server INVALID_INPUT is shown at the field it names', async () => {
  await open(unregistered, {
    'volunteer.register': { ok: false, code: 'INVALID_INPUT', message: '所选队伍不存在，请重新选择', field: 'teamId' },
  })
  await fillAll()
  await submit()
  expect(errorOf('teamId')).toBe('所选队伍不存在，请重新选择')
  expect(pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#field-teamId' }))
  expect(Taro.switchTab).not.toHaveBeenCalled()
  // Choosing again clears the server's complaint.
  fireEvent.click(screen.getByTestId('team-crumb-team-city'))
  await chooseTeam('team-ziyang', [])
  expect(errorOf('teamId')).toBeUndefined()
})

test('ID_NUMBER_TAKEN gives the one generic message at the ID number and the way to 提出申诉', async () => {
  const message = '该身份证号无法使用。如果这是您本人的身份证号，请在注册页提交申诉，由管理员核实处理。'
  await open(unregistered, { 'volunteer.register': { ok: false, code: 'ID_NUMBER_TAKEN', message, field: 'idNumber' } })
  expect(screen.queryByTestId('open-appeal')).toBeNull()
  await fillAll()
  await submit()
  expect(errorOf('idNumber')).toBe(message)
  fireEvent.click(screen.getByTestId('open-appeal'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/volunteer/pages/appeal/index' })
  // Another number: the appeal is no longer what the user needs.
  type('idNumber', ID_MALE.slice(0, 17))
  expect(screen.queryByTestId('open-appeal')).toBeNull()
})

test('ALREADY_REGISTERED says so and offers the way back to 我的', async () => {
  const message = '您已经提交过注册，可在“我的”中查看或修改'
  await open(unregistered, { 'volunteer.register': { ok: false, code: 'ALREADY_REGISTERED', message } })
  await fillAll()
  await submit()
  expect(screen.getByTestId('form-error').textContent).toBe(message)
  fireEvent.click(screen.getByRole('button', { name: '返回“我的”查看注册状态' }))
  expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
})

test('editing a pending registration starts from the profile, asks to re-enter the numbers, and updates', async () => {
  await open(pending, { 'volunteer.update': ok(pending) })
  expect(screen.getByText('修改资料')).toBeTruthy()
  expect(screen.getByTestId('reenter-note').textContent).toContain('请重新填写')
  expect((screen.getByTestId('input-name') as HTMLInputElement).value).toBe('李明')
  expect((screen.getByTestId('input-idNumber') as HTMLInputElement).value).toBe('')
  expect(field('idNumber').textContent).toContain('已登记 430***********031X')
  expect(field('mobile').textContent).toContain('已登记 138****1001')
  expect(screen.getByTestId('team-chosen').textContent).toBe('已选择：赫山区科技志愿者队')
  expect(screen.getByTestId('skill-youth').getAttribute('aria-checked')).toBe('true')
  expect(screen.getByTestId('submit').textContent).toBe('提交修改')

  type('idNumber', ID_MALE)
  type('mobile', '13807371009')
  fireEvent.click(screen.getByTestId('consent'))
  await submit()
  expect(callMock).toHaveBeenCalledWith('volunteer.update', {
    ...expected,
    skills: ['lecture', 'youth'],
    skillsOther: '',
    availability: { slots: ['weekend'], note: '' },
    mobile: '13807371009',
  })
  expect(callMock).not.toHaveBeenCalledWith('volunteer.register', expect.anything())
})

test('a team tree that fails to load says so inside the form and retries', async () => {
  serve({
    'volunteer.me': ok(unregistered),
    'team.tree': { ok: false, code: 'NETWORK', message: '网络不可用，请稍后重试' },
  })
  render(<RegisterPage />)
  expect((await screen.findByTestId('team-error')).textContent).toContain('网络不可用，请稍后重试')
  serve({ 'volunteer.me': ok(unregistered), 'team.tree': levelsOf(tree) })
  fireEvent.click(within(screen.getByTestId('team-error')).getByRole('button', { name: '重试' }))
  await screen.findByTestId('team-team-city')
})

describe('quick fill', () => {
  const HESHAN_ID = id('43090319560312004')
  const input = (name: string) => (screen.getByTestId(`input-${name}`) as HTMLInputElement).value
  async function tapQuick(testId: string) {
    await act(async () => {
      fireEvent.click(screen.getByTestId(testId))
    })
  }

  beforeEach(() => pickPhotos.mockReset())

  test('拍照识别身份证 uploads to the caller’s own folder, fills name and ID number, and suggests the county team', async () => {
    pickPhotos.mockResolvedValue({ ok: true, data: [{ fileID: 'cloud://env/idcard/o-1/1.jpg', preview: '' }] })
    await open(unregistered, {
      'volunteer.readIdCard': ok({ name: '刘桂英', idNumber: HESHAN_ID, gender: 'female' }),
    })
    await tapQuick('quick-idcard')
    expect(pickPhotos).toHaveBeenCalledWith('idcard/o-1', 1)
    expect(callMock).toHaveBeenCalledWith('volunteer.readIdCard', { fileID: 'cloud://env/idcard/o-1/1.jpg' })
    expect(input('name')).toBe('刘桂英')
    expect(input('idNumber')).toBe(HESHAN_ID)
    expect(screen.getByTestId('id-facts').textContent).toContain('性别：女')
    expect(screen.getByTestId('quick-note-idCard').textContent).toContain('请核对')
    // One tap takes the team of the ID number's county.
    expect(screen.getByTestId('team-suggestion').textContent).toContain('建议：赫山区科技志愿者队')
    fireEvent.click(screen.getByTestId('team-suggestion'))
    expect(screen.queryByTestId('team-suggestion')).toBeNull()
    expect(screen.getByText('已选择：赫山区科技志愿者队')).toBeTruthy()
  })

  test('an unreadable photo leaves what was typed and says to type instead; a cancelled picker says nothing', async () => {
    await open(unregistered, {
      'volunteer.readIdCard': {
        ok: false,
        code: 'ID_CARD_UNREADABLE',
        message: '没能识别这张身份证照片，请对准身份证正面重拍，或直接填写',
      },
    })
    type('name', '李明')
    type('idNumber', ID_MALE)
    pickPhotos.mockResolvedValueOnce({ ok: false, cancelled: true, message: '' })
    await tapQuick('quick-idcard')
    expect(screen.queryByTestId('quick-note-idCard')).toBeNull()
    expect(callMock).not.toHaveBeenCalledWith('volunteer.readIdCard', expect.anything())
    pickPhotos.mockResolvedValueOnce({ ok: true, data: [{ fileID: 'f', preview: '' }] })
    await tapQuick('quick-idcard')
    expect(screen.getByTestId('quick-note-idCard').textContent).toContain('或直接填写')
    expect(input('name')).toBe('李明')
    expect(input('idNumber')).toBe(ID_MALE)
  })

  test('the WeChat phone button’s code becomes the verified mobile; a refusal keeps the typed one', async () => {
    await open(unregistered, { 'volunteer.phoneNumber': ok({ mobile: '13907370035' }) })
    type('mobile', '138')
    expect(mockPhone.openType).toBe('getPhoneNumber')
    await act(async () => {
      mockPhone.fire({ errMsg: 'getPhoneNumber:fail user deny' })
    })
    expect(screen.getByTestId('quick-note-phone').textContent).toBe('没有获取到手机号，请直接填写')
    expect(input('mobile')).toBe('138')
    await act(async () => {
      mockPhone.fire({ code: 'phone-code-1', errMsg: 'getPhoneNumber:ok' })
    })
    expect(callMock).toHaveBeenCalledWith('volunteer.phoneNumber', { code: 'phone-code-1' })
    expect(input('mobile')).toBe('13907370035')
  })
})
