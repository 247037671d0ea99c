/**
 * Check-in at the venue in the H5 app against the local cloud: a volunteer signs up and shows the
 * ticket; the test reads the QR code back from the screen and types its text on the organizer's
 * scan page → 签到成功, again → 已签到; with the network cut a second volunteer's ticket is checked
 * against the downloaded pack and queued; back online it is uploaded once.
 */
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Browser, Page } from 'playwright-core'
import { addActiveVolunteers } from '../support/activity-cloud'
import { launchBrowser, openAs, visibleText } from '../support/browser'
import { expectOk, startTestCloud, type TestCloud } from '../support/dev-cloud'

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

jest.setTimeout(150_000)

const HOUR = 3_600_000
const ORGANIZER = 'demo-organizer'

/** The QR code on the volunteer's ticket page, decoded from a screenshot; also checks the text shown under it. */
async function ticketFromScreen(page: Page): Promise<string> {
  const canvas = page.getByTestId('ticket-qr').locator('visible=true').locator('canvas').first()
  await canvas.waitFor()
  const shown = (await page.getByTestId('ticket-token').locator('visible=true').innerText()).trim()
  const png = PNG.sync.read(await canvas.screenshot())
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
  expect(decoded).toBe(shown)
  return decoded!
}

async function scanText(page: Page, text: string) {
  const field = page.getByTestId('scan-text').locator('visible=true').locator('input')
  await field.fill(text)
  await page.getByTestId('scan-submit').locator('visible=true').click()
}

const resultTitle = (page: Page) => page.getByTestId('scan-result-title').locator('visible=true')
const checks = () => cloud.cloud.store.find('checks', { activityId: 'act-1' }) as { mode?: string; method?: string }[]

it('scans a ticket from the screen online, then again, then offline from the pack, and syncs once', async () => {
  // The volunteer signs up for 防灾减灾科普进社区 (act-1) in the app and opens the ticket.
  const volunteer = await openAs(browser, cloud.url, 'demo-active')
  await visibleText(volunteer, '防灾减灾科普进社区').click()
  await volunteer.getByTestId('signup-button').locator('visible=true').click()
  await visibleText(volunteer, '报名成功').waitFor()
  await volunteer.getByTestId('show-ticket').locator('visible=true').click()
  const token = await ticketFromScreen(volunteer)
  const name = (await volunteer.getByTestId('ticket-name').locator('visible=true').innerText()).trim()

  // A second volunteer, without the app open, signs up through the API.
  const [second] = addActiveVolunteers(cloud, 'scan', 1)
  const secondTicket = await expectOk(cloud.call(second, 'activity.signUp', { activityId: 'act-1' }))

  // The day comes: the activity is under way, inside the check-in window.
  const start = new Date(Date.now() - HOUR / 2)
  cloud.cloud.store.update(
    'activities',
    { _id: 'act-1' },
    { $set: { startAt: start, endAt: new Date(start.getTime() + 3 * HOUR), signupDeadline: start } },
  )

  const organizer = await openAs(browser, cloud.url, ORGANIZER)
  await organizer.goto(`${cloud.url}/#/packages/organizer/pages/scan/index?id=act-1`)
  await organizer.getByTestId('pack-status').locator('visible=true').filter({ hasText: '2 人' }).waitFor()
  await expectCount(organizer, '已签到 0 / 已报名 2')

  await scanText(organizer, token)
  await resultTitle(organizer).filter({ hasText: '签到成功' }).waitFor()
  expect(await organizer.getByTestId('scan-result').locator('visible=true').innerText()).toContain(name)
  await expectCount(organizer, '已签到 1 / 已报名 2')

  await scanText(organizer, token)
  await resultTitle(organizer).filter({ hasText: '已签到' }).waitFor()
  expect(checks()).toHaveLength(1)

  // No network at the village hall.
  await organizer.context().setOffline(true)
  await scanText(organizer, secondTicket.token!)
  await resultTitle(organizer).filter({ hasText: '签到成功' }).waitFor()
  await organizer.getByTestId('pending').locator('visible=true').filter({ hasText: '待上传 1 条' }).waitFor()
  expect(await organizer.getByTestId('network-mode').locator('visible=true').innerText()).toBe('离线模式')
  await expectCount(organizer, '已签到 2 / 已报名 2')
  expect(checks()).toHaveLength(1)

  // The network returns: the queued scan goes up by itself, once.
  await organizer.context().setOffline(false)
  await organizer.getByTestId('pending').locator('visible=true').filter({ hasText: '待上传 0 条' }).waitFor()
  await organizer.getByTestId('sync-note').locator('visible=true').filter({ hasText: '已上传 1 条离线扫码' }).waitFor()
  const stored = checks()
  expect(stored).toHaveLength(2)
  const attendance = await expectOk(cloud.call(ORGANIZER, 'checkin.attendance', { activityId: 'act-1' }))
  expect(attendance.counts.checkedIn).toBe(2)
  expect(attendance.rows.find((r) => r.ticketId === secondTicket.id)?.checkedInMethod).toBe('offline')

  // 同步 again has nothing more to send, and the server still has two check-ins.
  await organizer.getByTestId('sync').locator('visible=true').click()
  await organizer.getByTestId('sync-note').locator('visible=true').filter({ hasText: '没有待上传的扫码' }).waitFor()
  expect(checks()).toHaveLength(2)
  await volunteer.close()
  await organizer.close()
})

async function expectCount(page: Page, text: string) {
  await page.getByTestId('scan-count').locator('visible=true').filter({ hasText: text }).waitFor()
}
