import type { MeView, TeamNode } from '../../types/api'
import { makeIdNumber } from '../support/fixtures'
import { levelsOf } from '../support/team-levels'
import { answerCloud, openPage, waitFor, wx, type RenderedPage } from './simulator'

// The platform prompt must be there before app.js loads: Taro copies wx's APIs once at start.
const requestSubscribeMessage = jest.fn((opts: { tmplIds: string[]; success?: (r: unknown) => void }) => {
  opts.success?.({ errMsg: 'requestSubscribeMessage:ok', [opts.tmplIds[0]]: 'reject' })
})
const pageScrollTo = jest.fn((opts: { success?: (r: unknown) => void }) =>
  opts.success?.({ errMsg: 'pageScrollTo:ok' }),
)
/** Like WeChat's own: the callbacks when given, and a promise either way (Taro may pass the call through). */
const answering =
  <T>(res: T) =>
  (o: { success?: (r: T) => void } = {}) => {
    o.success?.(res)
    return Promise.resolve(res)
  }
const chooseMedia = jest.fn(
  answering({ errMsg: 'chooseMedia:ok', tempFiles: [{ tempFilePath: 'wxfile://tmp/card.jpg', size: 90000 }] }),
)
const compressImage = jest.fn(answering({ errMsg: 'compressImage:ok', tempFilePath: 'wxfile://tmp/card-small.jpg' }))
Object.assign(wx, { requestSubscribeMessage, pageScrollTo, chooseMedia, compressImage })
const uploadFile = jest.fn((o: { cloudPath: string; success?: (r: unknown) => void }) => {
  const res = { errMsg: 'cloud.uploadFile:ok', fileID: `cloud://env/${o.cloudPath}`, statusCode: 200 }
  o.success?.(res)
  return Promise.resolve(res)
})
Object.assign(wx.cloud, { uploadFile })

const me: MeView = {
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
  subscribeTemplateIds: ['tmpl-review-result'],
}
const tree: TeamNode[] = [
  { id: 'team-city', name: '湖南省科技志愿者益阳市支队', kind: 'city', parentId: null, depth: 0 },
  { id: 'team-heshan', name: '赫山区科技志愿者队', kind: 'county', parentId: 'team-city', depth: 1 },
]
const ID = makeIdNumber('19850312', 31)

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

/** The n-th element of a kind, in page order (wx-input: name, ID, 单位, 职务, 其他技能, 特长, 时间说明, 手机, 队伍搜索). */
const nth = (tag: string, n: number) => {
  const el = page!.dom.querySelectorAll(tag)[n]
  if (!el) throw new Error(`no ${tag} #${n}`)
  return el
}
const type = (n: number, value: string) => page!.fire(nth('wx-input', n), 'input', { value })

test('the production register page fills, asks for the subscription and registers through wx.cloud', async () => {
  const register = jest.fn(() => ({ ok: true as const, data: { ...me, status: 'pending' as const } }))
  answerCloud({
    'volunteer.me': { ok: true, data: me },
    'team.tree': levelsOf(tree) as never,
    'volunteer.idCardFolder': { ok: true, data: { cloudDir: 'idcard/o-1' } },
    'volunteer.register': register,
  })
  page = openPage('packages/volunteer/pages/register/index')
  await waitFor(() => expect(page!.text()).toContain('湖南省科技志愿者益阳市支队'))
  expect(wx.cloud.callFunction).toHaveBeenCalledWith({ name: 'volunteer', data: { action: 'me', data: {} } })
  expect(wx.cloud.callFunction).toHaveBeenCalledWith({ name: 'team', data: { action: 'tree', data: { limit: 20 } } })

  // An empty submit is refused on the phone with the schema's message; nothing is sent.
  await page.tap('提交')
  await waitFor(() => expect(page!.text()).toContain('请选择加入的队伍'))
  expect(pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#field-name' }))
  expect(register).not.toHaveBeenCalled()

  await type(0, '李明')
  await type(1, ID)
  await waitFor(() => expect(page!.text()).toContain('出生日期：1985年3月12日'))
  await type(2, '赫山区第一中学')
  await type(3, '物理教师')
  await page.tap('科普报告')
  await page.tap('周末')
  await type(7, '13807371001')
  // No gender picker (the ID number gives it) and the source is one tap on a chip.
  await page.tap('在职教师')
  await type(8, '赫山')
  await page.tap('搜索')
  await waitFor(() => expect(page!.text()).toContain('赫山区科技志愿者队'))
  await page.tap('赫山区科技志愿者队')
  await page.tap('我已阅读并同意以上个人信息处理说明')
  await page.tap('提交')

  await waitFor(() => expect(register).toHaveBeenCalledTimes(1))
  expect(requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmpl-review-result'] }))
  expect(wx.cloud.callFunction).toHaveBeenLastCalledWith({
    name: 'volunteer',
    data: {
      action: 'register',
      data: {
        name: '李明',
        gender: 'male',
        idNumber: ID,
        employer: '赫山区第一中学',
        position: '物理教师',
        skills: ['lecture'],
        skillsOther: '',
        specialty: '',
        availability: { slots: ['weekend'], note: '' },
        mobile: '13807371001',
        source: 'teacher',
        teamId: 'team-heshan',
        consent: true,
      },
    },
  })
  await waitFor(() => expect(wx.switchTab).toHaveBeenCalledTimes(1))
  expect(wx.switchTab.mock.calls[0][0]).toMatchObject({ url: '/pages/me/index' })
})

test('拍照识别身份证 and the getPhoneNumber button fill the form through the production WeChat APIs', async () => {
  const heshanId = makeIdNumber('19560312', 4, '430903')
  const read = jest.fn(() => ({ ok: true as const, data: { name: '刘桂英', idNumber: heshanId, gender: 'female' } }))
  const phone = jest.fn(() => ({ ok: true as const, data: { mobile: '13907370035' } }))
  answerCloud({
    'volunteer.me': { ok: true, data: me },
    'team.tree': levelsOf(tree) as never,
    'volunteer.idCardFolder': { ok: true, data: { cloudDir: 'idcard/o-1' } },
    'volunteer.readIdCard': read,
    'volunteer.phoneNumber': phone,
  })
  page = openPage('packages/volunteer/pages/register/index')
  await waitFor(() => expect(page!.text()).toContain('拍照识别身份证'))

  await page.tap('拍照识别身份证')
  await waitFor(() => expect(read).toHaveBeenCalledTimes(1))
  expect(chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ count: 1, mediaType: ['image'] }))
  const cloudPath = uploadFile.mock.calls[0][0].cloudPath
  expect(cloudPath).toMatch(/^idcard\/o-1\/[\w-]+\.jpg$/)
  expect(read).toHaveBeenCalledWith({ fileID: `cloud://env/${cloudPath}` })
  await waitFor(() => expect(page!.text()).toContain('建议：赫山区科技志愿者队'))
  expect(page.text()).toContain('性别：女')

  // WeChat's own button: open-type getPhoneNumber, its event carries the one-time code.
  const button = Array.from(page.dom.querySelectorAll('wx-button')).find((b) =>
    b.textContent?.includes('微信绑定的手机号'),
  )
  if (!button) throw new Error('no phone-number button')
  await page.fire(button, 'getphonenumber', { errMsg: 'getPhoneNumber:ok', code: 'c-1' })
  await waitFor(() => expect(phone).toHaveBeenCalledWith({ code: 'c-1' }))
  await waitFor(() => expect(page!.text()).toContain('已填入微信绑定的手机号'))
})
