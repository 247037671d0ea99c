/**
 * Teams in the H5 app on the local cloud: a county admin opens 赫山区's team page and creates a
 * township sub-team; a society admin registers a roster collectively (集体注册) from an .xlsx and gets
 * the activation codes, which then really activate.
 */
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openAs, visibleText } from '../support/browser'
import { startTestCloud, type TestCloud } from '../support/dev-cloud'
import { makeIdNumber } from '../support/fixtures'
import { goodRow, rosterFile } from '../support/roster-file'

let cloud: TestCloud
let browser: Browser
beforeAll(async () => {
  cloud = await startTestCloud()
  browser = await launchBrowser()
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await cloud?.close()
})

jest.setTimeout(120_000)

const visible = (page: Page, testId: string) => page.getByTestId(testId).locator('visible=true')

/** Opens a screen of the app by its hash route, as a deep link would. */
async function openRoute(page: Page, route: string) {
  await page.goto(`${cloud.url}/#${route}`)
}

it('a county admin sees 赫山区’s team page and creates a township sub-team that appears among its children', async () => {
  const page = await openAs(browser, cloud.url, 'demo-heshan-admin')
  await openRoute(page, '/packages/admin/pages/team/index?id=team-heshan')
  await visibleText(page, '赫山区科技志愿者队').waitFor()
  // The demo county has one activated member; this year's period sets the county target.
  await expect(visible(page, 'members-line').textContent()).resolves.toMatch(
    /^现有 1 人 · 首批目标 100 人 · \d{4}-12-31 前 500 人$/,
  )
  await visibleText(page, '报送《科技志愿者支队基本情况表》（附件2）').waitFor()
  await expect(visible(page, 'deadlines').textContent()).resolves.toMatch(/已完成|已逾期|即将到期|未到期/)
  await visibleText(page, '龙光桥街道科技志愿者服务分队').waitFor()

  await visibleText(page, '新建下级队伍').click()
  await visibleText(page, '在“赫山区科技志愿者队”下新建队伍').waitFor()
  // A county takes township teams only: the one kind is chosen already.
  await expect(visible(page, 'kind-township').getAttribute('aria-checked')).resolves.toBe('true')
  await visible(page, 'name-input').locator('input').fill('新市渡镇科技志愿者服务分队')
  await visibleText(page, /^创建$/).click()

  // Back on the team page, reloaded: the new team is a child with no members yet.
  const child = page
    .locator('[data-testid^="child-"]', { hasText: '新市渡镇科技志愿者服务分队' })
    .locator('visible=true')
  await child.waitFor()
  await expect(child.textContent()).resolves.toContain('0 人')
  const tree = await cloud.call('demo-heshan-admin', 'team.tree', { parentId: 'team-heshan' })
  expect(tree.ok && tree.data.items.some((t) => t.name === '新市渡镇科技志愿者服务分队')).toBe(true)
  await page.close()
})

it('a society admin imports a roster: preview, 确认导入, and activation codes that work', async () => {
  const people = [makeIdNumber('19800101', 11), makeIdNumber('19810202', 22)]
  const bad = { ...goodRow(3, makeIdNumber('19820303', 33)), mobile: '12345' }
  const file = await rosterFile([goodRow(1, people[0]), goodRow(2, people[1]), bad])

  const page = await openAs(browser, cloud.url, 'demo-medical-admin')
  await openRoute(page, '/packages/admin/pages/import/index?id=team-medical')
  await visibleText(page, '集体注册 · 益阳市医学会科技志愿者支队').waitFor()

  // The page's file input (created by the H5 file adapter when 选择文件 is tapped).
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visibleText(page, /^选择文件$/).click()])
  expect(chooser.isMultiple()).toBe(false)
  await chooser.element().setInputFiles({
    name: '医学会名单.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  })

  await visible(page, 'preview-rows').waitFor()
  await expect(visible(page, 'count-new').textContent()).resolves.toBe('新增 2')
  await expect(visible(page, 'count-invalid').textContent()).resolves.toBe('有误 1')
  // Rows with errors are listed first, each with its message.
  await expect(visible(page, 'row-4').textContent()).resolves.toContain('手机号格式不正确')

  await visibleText(page, '确认导入（2 人）').click()
  await visible(page, 'codes').waitFor()
  await visibleText(page, /激活码只显示这一次/).waitFor()
  const codes = await Promise.all(
    [2, 3].map(async (row) => {
      const text = (await visible(page, `code-${row}`).textContent()) ?? ''
      const code = /(\d{6})$/.exec(text)?.[1]
      if (!code) throw new Error(`no code in row ${row}: ${text}`)
      return code
    }),
  )

  // Each person activates in 我的 with ID number + code: the codes shown are the real ones.
  const claimed = await cloud.call('wx-claim-1', 'volunteer.claim', { idNumber: people[0], code: codes[0] })
  expect(claimed.ok && claimed.data.status).toBe('active')
  await page.close()
})
