import type { Browser } from 'playwright-core'
import { launchBrowser, openAs, visibleText } from '../support/browser'
import { startTestCloud, type TestCloud } from '../support/dev-cloud'

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

jest.setTimeout(60_000)

describe('the H5 app on the local cloud', () => {
  it('shows published activities on 活动 and the profile from the database on 我的', async () => {
    const page = await openAs(browser, cloud.url, 'demo-active')
    await visibleText(page, '防灾减灾科普进社区').waitFor()
    await visibleText(page, '水稻病虫害绿色防控现场培训').waitFor()
    expect(await page.getByText('青少年科技教育 · 机器人进校园').locator('visible=true').count()).toBe(0)

    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click()
    await visibleText(page, '刘洋').waitFor()
    await visibleText(page, '已激活').waitFor()
    await visibleText(page, '138****1004').waitFor()
    await page.close()
  })

  it('switches identity with the dev switcher and shows that user’s state', async () => {
    const page = await openAs(browser, cloud.url, 'demo-active')
    await page.getByTestId('dev-switcher-toggle').click()
    await page.locator('[data-openid="demo-rejected"]').click()
    await page.waitForLoadState('load')
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click()
    await visibleText(page, '未通过').waitFor()
    await visibleText(page, /单位名称与证明材料不一致/).waitFor()
    await page.close()
  })
})
