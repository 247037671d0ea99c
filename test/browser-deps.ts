/**
 * Browser tests need Debian's chromium and a CJK font. On Debian as root they are installed when
 * missing; anywhere else the exact packages to install are named and the run stops.
 */
import { execSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FONT_PACKAGE = 'fonts-wqy-microhei'

function hasFont(): boolean {
  return (
    spawnSync('dpkg', ['-s', FONT_PACKAGE], { stdio: 'ignore' }).status === 0 ||
    fs.existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')
  )
}

export function ensureBrowserDeps(): void {
  const missing = [...(fs.existsSync(CHROMIUM) ? [] : ['chromium']), ...(hasFont() ? [] : [FONT_PACKAGE])]
  if (missing.length === 0) return
  const debian = fs.existsSync('/etc/debian_version')
  const root = process.getuid?.() === 0
  if (!debian || !root) {
    throw new Error(
      `Browser tests need: ${missing.join(', ')}.\n` +
        (debian
          ? `Install them: sudo apt-get install -y ${missing.join(' ')}`
          : 'Install Chromium and a CJK font, and set CHROMIUM_PATH to the chromium binary.'),
    )
  }
  console.log(`[test] installing ${missing.join(' ')} (apt-get)…`)
  execSync('apt-get update -qq', { stdio: 'inherit' })
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`, {
    stdio: 'inherit',
  })
}
