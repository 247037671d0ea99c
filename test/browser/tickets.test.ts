/**
 * An activated volunteer signs up in the H5 app and shows the ticket; the test reads the QR code
 * back from a screenshot and verifies the signed token with the activity's public key, as an
 * organizer's phone would with no network.
 */
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Browser } from 'playwright-core'
import { verifyTicketToken } from '../../src/packages/organizer/ticket-verify'
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

jest.setTimeout(120_000)

it('signs up from the 活动 tab, opens the ticket, and the QR on screen verifies offline', async () => {
  const page = await openAs(browser, cloud.url, 'demo-active')
  await visibleText(page, '防灾减灾科普进社区').click()
  await page.getByTestId('signup-button').locator('visible=true').click()
  await visibleText(page, '报名成功').waitFor()
  await page.getByTestId('show-ticket').locator('visible=true').click()

  const canvas = page.getByTestId('ticket-qr').locator('visible=true').locator('canvas').first()
  await canvas.waitFor()
  const token = (await page.getByTestId('ticket-token').locator('visible=true').innerText()).trim()
  expect(token).toMatch(/^KP[A-Z2-7]{127}$/)

  const png = PNG.sync.read(await canvas.screenshot())
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  expect(decoded?.data).toBe(token)

  // The token is the one the server issued to this person, and it verifies with the public key alone.
  const mine = await expectOk(cloud.call('demo-active', 'activity.mine', { tab: 'upcoming' }))
  expect(mine.items.find((t) => t.activity.id === 'act-1')?.token).toBe(token)
  const { ticketPublicKey } = await expectOk(cloud.call('demo-organizer', 'activity.forEdit', { activityId: 'act-1' }))
  expect(verifyTicketToken(decoded!.data, ticketPublicKey, 'act-1')).toMatchObject({ ok: true })
  await page.close()
})
