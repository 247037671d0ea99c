/**
 * Every screen of the volunteer journey (活动 list, activity detail, 我的, register, activate, 我的活动,
 * ticket), at the default size and in 长辈模式, measured as a phone shows it: text under the size
 * floor, contrast under 4.5:1, tap targets under the floor and text spilling out of its box fail the
 * test. Screenshots and a per-screen report land in test-results/screens/.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import {
  ARTIFACTS,
  DEFAULT_FLOORS,
  ELDER_FLOORS,
  auditScreen,
  formatFinding,
  keepScreen,
  type Floors,
} from '../support/audit'
import { launchBrowser, openAs, visibleText } from '../support/browser'
import { startTestCloud, type TestCloud } from '../support/dev-cloud'

let cloud: TestCloud
let browser: Browser
beforeAll(async () => {
  cloud = await startTestCloud()
  browser = await launchBrowser()
  fs.rmSync(path.join(ARTIFACTS, 'report.jsonl'), { force: true })
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await cloud?.close()
})

jest.setTimeout(120_000)

const tap = (page: Page, testId: string) => page.getByTestId(testId).locator('visible=true').first().click()
const openMe = (page: Page) => page.locator('.weui-tabbar__item', { hasText: '我的' }).click()
const openActivities = (page: Page) => page.locator('.weui-tabbar__item', { hasText: '活动' }).click()

/** Turns 长辈模式 on with the switch on 我的 (it is kept on the phone for the next screens). */
async function useMode(page: Page, elder: boolean) {
  await openMe(page)
  const sw = page.getByTestId('elder-switch').locator('visible=true')
  await sw.waitFor()
  if ((await sw.getAttribute('aria-checked')) !== String(elder)) await sw.click()
  await page
    .locator(`[data-testid=screen][data-elder=${elder ? 'on' : 'off'}]`)
    .locator('visible=true')
    .first()
    .waitFor()
}

async function check(page: Page, name: string, floors: Floors) {
  // Let fonts, pictures and the sliding page transition settle before measuring.
  await page.waitForTimeout(400)
  const audit = await auditScreen(page, floors)
  await keepScreen(page, name, audit)
  expect(audit.texts).toBeGreaterThan(0)
  expect(audit.findings.map(formatFinding)).toEqual([])
}

describe.each([
  ['default', false, DEFAULT_FLOORS],
  ['elder', true, ELDER_FLOORS],
] as const)('%s size', (mode, elder, floors) => {
  it('活动 list, 我的 and the register form of a new user', async () => {
    const page = await openAs(browser, cloud.url, `wx-screens-${mode}`)
    await useMode(page, elder)
    await check(page, `${mode}-me-new`, floors)
    await openActivities(page)
    await visibleText(page, '防灾减灾科普进社区').waitFor()
    await check(page, `${mode}-activities`, floors)
    await openMe(page)
    await tap(page, 'step-register')
    await visibleText(page, '个人信息处理说明').waitFor()
    await check(page, `${mode}-register`, floors)
    await page.context().close()
  })

  it('the activate screen of an approved volunteer', async () => {
    const page = await openAs(browser, cloud.url, 'demo-approved')
    await useMode(page, elder)
    await check(page, `${mode}-me-approved`, floors)
    // 激活 on 我的 activates at once with the volunteer's own code; the code entry is what the
    // review-result message opens (and what a volunteer without a code on record gets).
    await page.goto(`${cloud.url}/#/packages/volunteer/pages/activate/index`)
    await page.getByTestId('input-code').locator('visible=true').waitFor()
    await check(page, `${mode}-activate`, floors)
    await page.context().close()
  })

  it('activity detail, sign-up, 我的活动 and the ticket of an active volunteer', async () => {
    const page = await openAs(browser, cloud.url, elder ? 'demo-organizer' : 'demo-active')
    await useMode(page, elder)
    await check(page, `${mode}-me-active`, floors)
    await openActivities(page)
    await visibleText(page, '防灾减灾科普进社区').click()
    await page.getByTestId('signup-button').locator('visible=true').waitFor()
    await check(page, `${mode}-activity`, floors)
    await tap(page, 'signup-button')
    await visibleText(page, '报名成功').waitFor()
    await tap(page, 'show-ticket')
    await page.getByTestId('ticket-qr').locator('visible=true').locator('canvas').first().waitFor()
    await check(page, `${mode}-ticket`, floors)
    // The ticket is a subpackage page without the tab bar: go to 我的活动 by its address.
    await page.goto(`${cloud.url}/#/packages/volunteer/pages/my-activities/index`)
    await page.getByTestId('ticket-row').locator('visible=true').first().waitFor()
    await check(page, `${mode}-my-activities`, floors)
    await page.context().close()
  })
})
