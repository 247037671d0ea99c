/**
 * The team screens of the admin subpackage, from the production build: they render the cloud's
 * answers and taps reach `wx.cloud.callFunction` with the contract's function name and payload.
 */
import type { MeView } from '../../types/api'
import { fail, heshan, member, ok, roleItem, teamPage } from '../support/admin-fixtures'
import { answerCloud, openPage, waitFor, wx, type RenderedPage } from './simulator'

// WeChat APIs the import page uses must exist before app.js loads: Taro copies wx's APIs once at start.
const downloadFile = jest.fn((o: { success?: (r: unknown) => void }) =>
  o.success?.({ errMsg: 'downloadFile:ok', statusCode: 200, tempFilePath: 'wxfile://tmp/template.xlsx' }),
)
const openDocument = jest.fn((o: { success?: (r: unknown) => void }) => o.success?.({ errMsg: 'openDocument:ok' }))
const chooseMessageFile = jest.fn((o: { success?: (r: unknown) => void }) =>
  o.success?.({
    errMsg: 'chooseMessageFile:ok',
    tempFiles: [{ path: 'wxfile://tmp/roster.xlsx', name: '医学会名单.xlsx', size: 9000, type: 'file', time: 0 }],
  }),
)
Object.assign(wx, { downloadFile, openDocument, chooseMessageFile })
const uploadFile = jest.fn((o: { cloudPath: string; success?: (r: unknown) => void }) => {
  const res = { errMsg: 'cloud.uploadFile:ok', fileID: `cloud://env/${o.cloudPath}`, statusCode: 200 }
  o.success?.(res)
  return Promise.resolve(res)
})
Object.assign(wx.cloud, { uploadFile })

/**
 * The harness opens pages with an empty query; WeChat passes `?id=…` to onLoad. Wrapping `Page`
 * (before any page module loads) hands the next page the query a test sets.
 */
let nextQuery: Record<string, string> = {}
const g = global as unknown as { Page: (o: Record<string, unknown>) => void }
const shimPage = g.Page
g.Page = (options) => {
  const onLoad = options.onLoad as (this: unknown, q: Record<string, string>) => unknown
  shimPage({
    ...options,
    onLoad: function (this: unknown, q: Record<string, string>) {
      return onLoad.call(this, { ...q, ...nextQuery })
    },
  })
}
function open(route: string, query: Record<string, string> = {}) {
  nextQuery = query
  return openPage(route)
}

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})
beforeEach(() => {
  wx.cloud.callFunction.mockReset()
  wx.navigateTo.mockClear()
  wx.showModal.mockImplementation((o: { success?: (r: unknown) => void } = {}) => {
    o.success?.({ errMsg: 'showModal:ok', confirm: true, cancel: false })
  })
})

const called = (name: string, action: string, data: unknown) =>
  expect(wx.cloud.callFunction).toHaveBeenCalledWith({ name, data: { action, data } })

test('the team page shows progress, deadlines and children, and opens screens of the subpackage', async () => {
  answerCloud({ 'team.page': ok(teamPage()) })
  page = open('packages/admin/pages/team/index', { id: 'team-heshan' })
  await waitFor(() => expect(page!.text()).toContain('现有 12 人 · 首批目标 100 人 · 2020-12-31 前 500 人'))
  called('team', 'page', { teamId: 'team-heshan' })
  const text = page.text()
  expect(text).toContain('区县（市）科技志愿者队')
  expect(text).toContain('副队长一般为 2–3 名，现有 1 名')
  expect(text).toContain('已逾期')
  expect(text).toContain('尚未开展：结合全国科普日等重点活动、结合农村妇女、青少年等重点人群')
  expect(text).toContain('龙光桥街道科技志愿者服务分队')

  await page.tap('新建下级队伍')
  await waitFor(() => expect(wx.navigateTo).toHaveBeenCalledTimes(1))
  expect(wx.navigateTo.mock.calls[0][0]).toMatchObject({
    url: '/packages/admin/pages/team-edit/index?parentId=team-heshan',
  })
  await page.tap('龙光桥街道科技志愿者服务分队')
  await waitFor(() => expect(wx.navigateTo).toHaveBeenCalledTimes(2))
  expect(wx.navigateTo.mock.calls[1][0]).toMatchObject({
    url: '/packages/admin/pages/team/index?id=team-heshan-longguangqiao',
  })
})

test('opened from 我的 without an id, it shows the team of the admin’s grant', async () => {
  answerCloud({
    'volunteer.me': ok({ roles: [{ role: 'admin', team: heshan }] } as MeView),
    'team.page': ok(teamPage({ can: { manage: false, appointAdmins: false, appointOrganizers: false } })),
  })
  page = open('packages/admin/pages/team/index')
  await waitFor(() => expect(page!.text()).toContain('现有 12 人'))
  called('volunteer', 'me', {})
  called('team', 'page', { teamId: 'team-heshan' })
  expect(page.text()).not.toContain('成员名单')
})

test('创建 on the new-team page sends team.create with the one allowed kind', async () => {
  answerCloud({
    'team.page': ok(teamPage()),
    'team.create': (d) => ok({ id: 'team-new', ...d, parentId: 'team-heshan', depth: 2 }),
  })
  page = open('packages/admin/pages/team-edit/index', { parentId: 'team-heshan' })
  await waitFor(() => expect(page!.text()).toContain('乡镇（街道）科技志愿者服务分队'))
  await page.fire(page.dom.querySelector('wx-input')!, 'input', { value: '新市镇科技志愿者服务分队' })
  await page.tap('创建')
  await waitFor(() =>
    called('team', 'create', { parentId: 'team-heshan', name: '新市镇科技志愿者服务分队', kind: 'township' }),
  )
})

test('撤销 on the roles page confirms and sends admin.revokeRole', async () => {
  answerCloud({
    'team.page': ok(teamPage()),
    'admin.roles': ok([roleItem({ id: 'r-org', name: '赵强' })]),
    'team.tree': ok({ items: [], nextCursor: null }),
    'team.members': ok({ items: [member(1)], nextCursor: null }),
    'admin.revokeRole': ok({ roleId: 'r-org' }),
  })
  page = open('packages/admin/pages/roles/index', { id: 'team-heshan' })
  await waitFor(() => expect(page!.text()).toContain('赵强'))
  await page.tap('撤销')
  await waitFor(() => called('admin', 'revokeRole', { roleId: 'r-org' }))
  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤销任命' }))
})

test('集体注册: the template opens in WeChat’s viewer; a chat file is uploaded and previewed', async () => {
  answerCloud({
    'team.page': ok(teamPage()),
    'spreadsheet.importTemplate': ok({ fileID: 'cloud://env/templates/t.xlsx', url: 'https://tmp.example/t.xlsx' }),
    'spreadsheet.importStart': ok({ cloudDir: 'imports/team-heshan/k3y/' }),
    'spreadsheet.importPreview': fail('INVALID_INPUT', '表头与模板不一致，请下载最新模板填写', 'fileID'),
  })
  page = open('packages/admin/pages/import/index', { id: 'team-heshan' })
  await waitFor(() => expect(page!.text()).toContain('下载模板'))
  await page.tap('下载模板')
  await waitFor(() => expect(openDocument).toHaveBeenCalledTimes(1))
  called('spreadsheet', 'importTemplate', {})
  expect(downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: 'https://tmp.example/t.xlsx' }))
  expect(openDocument).toHaveBeenCalledWith(
    expect.objectContaining({ filePath: 'wxfile://tmp/template.xlsx', fileType: 'xlsx', showMenu: true }),
  )

  await page.tap('选择文件')
  await waitFor(() => expect(page!.text()).toContain('表头与模板不一致，请下载最新模板填写'))
  expect(chooseMessageFile).toHaveBeenCalledWith(
    expect.objectContaining({ count: 1, type: 'file', extension: ['xlsx'] }),
  )
  const cloudPath = uploadFile.mock.calls[0][0].cloudPath
  expect(cloudPath).toMatch(/^imports\/team-heshan\/k3y\/\d+-[a-z0-9]+\.xlsx$/)
  called('spreadsheet', 'importPreview', { teamId: 'team-heshan', fileID: `cloud://env/${cloudPath}` })
})
