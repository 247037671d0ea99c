/** Headless Debian chromium for the browser tests, with the flags these machines need as root. */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { CHROMIUM } from '../browser-deps'
import { paths } from '../../emulator/paths'

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(path.join(paths.h5, 'index.html'))) {
    throw new Error('dist-h5/ is missing: run `npm run build:h5` (npm test builds it first)')
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // No --user-data-dir: playwright-core ≥1.5x refuses it in `args` and gives each launch a temp profile.
    ],
  })
}

/** A phone-sized page that starts as `openid` in the dev identity switcher. */
export async function openAs(browser: Browser, url: string, openid: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  })
  await context.addInitScript((id) => {
    if (!sessionStorage.getItem('identity-set')) {
      localStorage.setItem('dev-openid', id)
      localStorage.setItem('dev-label', id)
      sessionStorage.setItem('identity-set', '1')
    }
  }, openid)
  const page = await context.newPage()
  await page.goto(url + '/')
  return page
}

/** Taro H5 keeps hidden tab pages in the DOM: only visible text counts. */
export function visibleText(page: Page, text: string | RegExp) {
  return page.getByText(text).locator('visible=true').first()
}
