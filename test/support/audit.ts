/**
 * Measures what a person sees on the visible page: every text's computed size and its contrast
 * against the first opaque background behind it (ancestor opacity blended in), the size of every
 * tap target, and text that spills out of its box. The floors are the issue's: default body text
 * 15 px and secondary 13 px (so nothing under 13 px), 44 px targets; 长辈模式 18 px text, 56 px targets.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'

export interface Floors {
  /** Smallest computed font size allowed for any text, in CSS px. */
  text: number
  /** Smallest width and height of a tap target, in CSS px. */
  target: number
  contrast: number
}

export const DEFAULT_FLOORS: Floors = { text: 13, target: 44, contrast: 4.5 }
export const ELDER_FLOORS: Floors = { text: 18, target: 56, contrast: 4.5 }

export interface Finding {
  /** `date`: an ISO-looking date (2026-12-01) where the UI writes 2026年12月1日 (issue 12). */
  kind: 'size' | 'contrast' | 'target' | 'overflow' | 'date'
  what: string
  value: number
}

export interface ScreenAudit {
  texts: number
  /** Share of text characters under the floor. */
  smallShare: number
  minFont: number
  minContrast: number
  targets: number
  minTarget: number
  findings: Finding[]
}

/** Artifacts (screenshots, the per-screen report) go here; test-results/ is git-ignored. */
export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-results', 'screens')

export async function auditScreen(page: Page, floors: Floors): Promise<ScreenAudit> {
  return page.evaluate((f: Floors) => {
    const parse = (c: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(c)
      if (!m) return [0, 0, 0, 0]
      const p = m[1]
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number)
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]
    }
    const lum = ([r, g, b]: number[]) => {
      const ch = [r, g, b].map((v) => {
        const s = v / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]
    }
    const ratio = (a: number[], b: number[]) => {
      const [x, y] = [lum(a), lum(b)]
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
    }
    const blend = (fg: number[], bg: number[], alpha: number) =>
      [0, 1, 2].map((i) => fg[i] * alpha + bg[i] * (1 - alpha))
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) return false
      const s = getComputedStyle(el)
      return s.visibility !== 'hidden' && s.display !== 'none'
    }
    // The dev identity switcher is not the app; the tab bar is WeChat's native one in the mini
    // program (its size is not ours to set), drawn by Taro only in the browser build.
    const skip = (el: Element) => !!el.closest('#dev-switcher, .weui-tabbar')
    const describe = (el: Element) => {
      const text = (el.textContent ?? '').trim().slice(0, 20)
      return `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ')[0]} "${text}"`
    }
    /** The colour behind an element: the first opaque background up the tree, and the opacity on the way. */
    const behind = (el: Element): { bg: number[]; opacity: number } => {
      let opacity = 1
      let bg: number[] | undefined
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e)
        opacity *= Number(s.opacity)
        const c = parse(s.backgroundColor)
        if (!bg && c[3] >= 0.99) bg = c
      }
      return { bg: bg ?? [255, 255, 255], opacity }
    }

    const findings: Finding[] = []
    let texts = 0
    let chars = 0
    let smallChars = 0
    let minFont = Infinity
    let minContrast = Infinity
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim()
      const el = n.parentElement
      if (!text || !el || skip(el) || !visible(el)) continue
      if (el.closest('style,script,noscript')) continue
      const s = getComputedStyle(el)
      const size = parseFloat(s.fontSize)
      const { bg, opacity } = behind(el)
      const fg = parse(s.color)
      const contrast = ratio(blend(fg, bg, fg[3] * opacity), bg)
      texts++
      chars += text.length
      minFont = Math.min(minFont, size)
      minContrast = Math.min(minContrast, contrast)
      if (size < f.text - 0.05) {
        smallChars += text.length
        findings.push({ kind: 'size', what: describe(el), value: Math.round(size * 10) / 10 })
      }
      if (contrast < f.contrast) {
        findings.push({ kind: 'contrast', what: describe(el), value: Math.round(contrast * 100) / 100 })
      }
      if (/\b(19|20)\d{2}-\d{1,2}-\d{1,2}\b/.test(text)) findings.push({ kind: 'date', what: describe(el), value: 0 })
      if (el.scrollWidth > el.clientWidth + 1 && s.overflowX === 'visible' && s.display !== 'inline') {
        findings.push({ kind: 'overflow', what: describe(el), value: el.scrollWidth - el.clientWidth })
      }
    }

    // Tap targets: native controls, ARIA roles, and anything React gave a click handler.
    const clickable = (el: Element) => {
      const tag = el.tagName.toLowerCase()
      if (['button', 'taro-button-core', 'a', 'taro-input-core', 'taro-textarea-core'].includes(tag)) return true
      if (el.matches('[role=button],[role=checkbox],[role=switch],[role=tab],.weui-tabbar__item')) return true
      const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'))
      return !!key && typeof (el as unknown as Record<string, { onClick?: unknown }>)[key]?.onClick === 'function'
    }
    let targets = 0
    let minTarget = Infinity
    const seen = new Set<Element>()
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (skip(el) || !clickable(el) || !visible(el)) continue
      // A control nested in a counted target is the same target (a Taro button's inner <button>).
      let inside = false
      for (let p = el.parentElement; p; p = p.parentElement) if (seen.has(p)) inside = true
      seen.add(el)
      if (inside) continue
      const r = el.getBoundingClientRect()
      const side = Math.min(r.width, r.height)
      targets++
      minTarget = Math.min(minTarget, side)
      if (side < f.target - 0.5) {
        findings.push({ kind: 'target', what: describe(el), value: Math.round(r.width) * 1000 + Math.round(r.height) })
      }
    }
    return {
      texts,
      smallShare: chars ? smallChars / chars : 0,
      minFont: minFont === Infinity ? 0 : minFont,
      minContrast: minContrast === Infinity ? 0 : Math.round(minContrast * 100) / 100,
      targets,
      minTarget: minTarget === Infinity ? 0 : Math.round(minTarget),
      findings,
    }
  }, floors)
}

/** A target finding's value packs width×height (w * 1000 + h) so a report shows both. */
export const formatFinding = (x: Finding) =>
  x.kind === 'target'
    ? `target ${Math.floor(x.value / 1000)}×${x.value % 1000} ${x.what}`
    : `${x.kind} ${x.value} ${x.what}`

/** Full-page screenshot under ARTIFACTS, plus one line of the report. */
export async function keepScreen(page: Page, name: string, audit: ScreenAudit): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
  const line = {
    screen: name,
    texts: audit.texts,
    smallShare: Math.round(audit.smallShare * 100) + '%',
    minFont: audit.minFont,
    minContrast: audit.minContrast,
    targets: audit.targets,
    minTarget: audit.minTarget,
    findings: audit.findings.map(formatFinding),
  }
  fs.appendFileSync(path.join(ARTIFACTS, 'report.jsonl'), JSON.stringify(line) + '\n')
}
