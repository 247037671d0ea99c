/**
 * The screens of issue 10 in the H5 app on the local cloud, at the default size and in 长辈模式:
 * an administrator's 待激活 (re-issuing a code shown once) and 申诉 lists, and the 申诉 form. Each is
 * measured like the journey screens (size, contrast, tap targets, overflow, ISO-looking dates).
 */
import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { ARTIFACTS, DEFAULT_FLOORS, ELDER_FLOORS, auditScreen, formatFinding, keepScreen } from '../support/audit'
import { launchBrowser, openAs, visibleText } from '../support/browser'
import { expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'
import { makeIdNumber } from '../support/fixtures'

let cloud: TestCloud
let browser: Browser
beforeAll(async () => {
  cloud = await startTestCloud()
  browser = await launchBrowser()
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  // Someone says the ID number of the demo volunteer awaiting review in 赫山区 is theirs.
  await expectOk(
    cloud.call('wx-appellant', 'volunteer.appeal', {
      name: '李明',
      idNumber: makeIdNumber('19850312', 31),
      mobile: '13907370099',
      note: '我从未注册过，不知道是谁用了我的身份证号',
    }),
  )
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await cloud?.close()
})

jest.setTimeout(120_000)

const tap = (page: Page, testId: string) => page.getByTestId(testId).locator('visible=true').first().click()

async function useMode(page: Page, elder: boolean) {
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).click()
  const sw = page.getByTestId('elder-switch').locator('visible=true')
  await sw.waitFor()
  if ((await sw.getAttribute('aria-checked')) !== String(elder)) await sw.click()
  await page
    .locator(`[data-testid=screen][data-elder=${elder ? 'on' : 'off'}]`)
    .locator('visible=true')
    .first()
    .waitFor()
}

async function check(page: Page, name: string, elder: boolean) {
  await page.waitForTimeout(400)
  const audit = await auditScreen(page, elder ? ELDER_FLOORS : DEFAULT_FLOORS)
  await keepScreen(page, name, audit)
  expect(audit.texts).toBeGreaterThan(0)
  expect(audit.findings.map(formatFinding)).toEqual([])
}

describe.each([
  ['default', false],
  ['elder', true],
] as const)('%s size', (mode, elder) => {
  it('an administrator’s 待激活 with 重发激活码, and 申诉', async () => {
    const page = await openAs(browser, cloud.url, 'demo-heshan-admin')
    await useMode(page, elder)
    // The demo data has one registration waiting in 赫山区: the badge on 待审核 counts it.
    await page.getByTestId('entry-review-badge').locator('visible=true').filter({ hasText: /^1$/ }).waitFor()
    await check(page, `${mode}-me-admin`, elder)
    await tap(page, 'entry-pending')
    await visibleText(page, '本人注册').waitFor()
    await check(page, `${mode}-pending`, elder)
    await page.goBack()
    await tap(page, 'entry-appeals')
    await visibleText(page, '我从未注册过，不知道是谁用了我的身份证号').waitFor()
    await check(page, `${mode}-appeals`, elder)
    // The full mobile behind 显示完整, and the close form with its errors shown.
    await page.locator('[data-testid^=reveal-]').locator('visible=true').first().click()
    await visibleText(page, '13907370099').waitFor()
    await page.locator('[data-testid^=close-]').locator('visible=true').first().click()
    await tap(page, 'confirm-close')
    await visibleText(page, '请选择处理结果').waitFor()
    await check(page, `${mode}-appeals-close`, elder)
    await page.context().close()
  })

  it('the 申诉 form of someone whose ID number is taken', async () => {
    const page = await openAs(browser, cloud.url, `wx-appeal-${mode}`)
    await useMode(page, elder)
    await page.goto(`${cloud.url}/#/packages/volunteer/pages/appeal/index`)
    await visibleText(page, '身份证号无法使用时提出申诉').waitFor()
    await check(page, `${mode}-appeal`, elder)
    await page.context().close()
  })
})
