import { openPage, wx } from './simulator'

// The subpackage screens are placeholders with a purpose: they render, explain, and call nothing yet.
test.each([
  ['packages/admin/pages/review/index', '暂无待审核的注册'],
  ['packages/organizer/pages/scan/index', '扫码签到即将开放'],
])('%s renders its explanation without calling the cloud', async (route, expected) => {
  const page = openPage(route)
  await new Promise((r) => setTimeout(r, 20))
  expect(page.text()).toContain(expected)
  expect(wx.cloud.callFunction).not.toHaveBeenCalled()
  page.close()
})
