/**
 * Runs the production weapp build (dist/) inside miniprogram-simulate: the real WXML (compiled by the
 * official wcc), the real Taro runtime and React, with `wx` replaced by jest mocks at the edge.
 *
 * Taro's bundle expects the mini program globals: `App`, `getApp`, `getCurrentPages`, `Page`, and
 * `wx` with `wx.cloud` present before app.js loads (the runtime copies `wx.cloud` onto `Taro.cloud`
 * once). miniprogram-simulate only knows custom components, so `Page` is mapped to `Component` with
 * the page lifecycle driven from component lifetimes: attached → onLoad, ready → onShow + onReady,
 * detached → onUnload — the order WeChat calls them.
 */
import fs from 'node:fs'
import path from 'node:path'
import * as simulate from 'miniprogram-simulate'
import type { Result } from '../../types/result'

export const dist = path.resolve(__dirname, '../../dist')

if (!fs.existsSync(path.join(dist, 'app.js')) || !fs.existsSync(path.join(dist, 'app.json'))) {
  throw new Error(
    `The weapp build is missing (${dist}/app.js). Build it first: NODE_ENV=production npx taro build --type weapp ` +
      '(npm test does this before running jest).',
  )
}

type Callbacks = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void }

/** A wx API that succeeds the way WeChat does: callbacks, which Taro turns into a promise. */
function succeeding(name: string) {
  return jest.fn((opts: Callbacks = {}) => {
    const res = { errMsg: `${name}:ok` }
    opts.success?.(res)
    opts.complete?.(res)
  })
}

export interface CloudCall {
  name: string
  data: { action: string; data: unknown }
}

export const wx = {
  cloud: {
    init: jest.fn(),
    /** Answers with `{ result }` like wx.cloud.callFunction; replace the implementation per test. */
    callFunction: jest.fn<Promise<{ result: unknown }>, [CloudCall]>(),
  },
  navigateTo: succeeding('navigateTo'),
  redirectTo: succeeding('redirectTo'),
  switchTab: succeeding('switchTab'),
  navigateBack: succeeding('navigateBack'),
  showToast: succeeding('showToast'),
  showModal: succeeding('showModal'),
  stopPullDownRefresh: succeeding('stopPullDownRefresh'),
  getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
  /** Storage as on the phone: a key never set fails. */
  getStorage: jest.fn((opts: Callbacks & { key: string }) => {
    const v = storage.get(opts.key)
    if (v === undefined) opts.fail?.({ errMsg: 'getStorage:fail data not found' })
    else opts.success?.({ data: JSON.parse(v), errMsg: 'getStorage:ok' })
  }),
  setStorage: jest.fn((opts: Callbacks & { key: string; data: unknown }) => {
    storage.set(opts.key, JSON.stringify(opts.data))
    opts.success?.({ errMsg: 'setStorage:ok' })
  }),
  removeStorage: jest.fn((opts: Callbacks & { key: string }) => {
    storage.delete(opts.key)
    opts.success?.({ errMsg: 'removeStorage:ok' })
  }),
  getScreenBrightness: jest.fn((opts: Callbacks) => opts.success?.({ value: 0.4, errMsg: 'getScreenBrightness:ok' })),
  setScreenBrightness: succeeding('setScreenBrightness'),
  setKeepScreenOn: succeeding('setKeepScreenOn'),
  /** The camera: answers with `scanResults` in turn, then as if the user closed it. */
  scanCode: jest.fn((opts: Callbacks) => {
    const next = scanResults.shift()
    if (next === undefined) opts.fail?.({ errMsg: 'scanCode:fail cancel' })
    else opts.success?.({ result: next, scanType: 'QR_CODE', errMsg: 'scanCode:ok' })
  }),
  vibrateShort: succeeding('vibrateShort'),
  vibrateLong: succeeding('vibrateLong'),
  getNetworkType: jest.fn((opts: Callbacks) => opts.success?.({ networkType: 'wifi', errMsg: 'getNetworkType:ok' })),
  onNetworkStatusChange: jest.fn(),
  offNetworkStatusChange: jest.fn(),
  /** Answers every node query with `canvasNode` (null: no canvas), the way a Canvas 2D query resolves. */
  createSelectorQuery: jest.fn(() => {
    const q = {
      select: () => q,
      in: () => q,
      fields: () => q,
      exec: (cb: (res: unknown[]) => void) => setTimeout(() => cb([{ node: canvasNode.current }]), 0),
    }
    return q
  }),
}

const storage = new Map<string, string>()
/** Clears what pages stored with wx.setStorage. */
export function resetStorage() {
  storage.clear()
}
/** What the next wx.scanCode calls read, in order; once empty the camera is closed. */
export const scanResults: string[] = []
/** The node wx.createSelectorQuery answers; set it to a fake Canvas 2D node in a test. */
export const canvasNode: { current: unknown } = { current: null }

type PageOptions = Record<string, unknown> & { data?: Record<string, unknown> }
type PageInstance = Record<string, (...args: unknown[]) => unknown>

let app: Record<string, (...args: unknown[]) => unknown> | undefined
const pages: PageInstance[] = []

const g = global as unknown as Record<string, unknown>
g.wx = wx
g.App = (config: typeof app) => {
  app = config
}
g.getApp = () => app
g.getCurrentPages = () => pages.slice()
g.Page = (options: PageOptions) => {
  const methods: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value
  ;(g.Component as (o: unknown) => void)({
    data: options.data ?? {},
    methods,
    lifetimes: {
      attached(this: PageInstance) {
        pages.push(this)
        this.onLoad(nextQuery)
      },
      ready(this: PageInstance) {
        this.onShow()
        this.onReady()
      },
      detached(this: PageInstance) {
        this.onUnload()
        pages.splice(pages.indexOf(this), 1)
      },
    },
  })
}

let booted = false
/** Loads app.js (Taro runtime, React, the app component) and launches it, once per test file. */
export function bootApp(entryPath = 'pages/activities/index') {
  if (booted) return
  require(path.join(dist, 'app.js'))
  if (!app) throw new Error('dist/app.js did not call App()')
  app.onLaunch({ path: entryPath, query: {}, scene: 1001 })
  app.onShow({ path: entryPath, query: {}, scene: 1001 })
  booted = true
}

const loaded = new Map<string, string>()
/** The query the next opened page receives in onLoad, as WeChat passes a navigation's `?id=…`. */
let nextQuery: Record<string, string> = {}

export interface RenderedPage {
  /** The rendered DOM (jsdom), for reading text. */
  dom: HTMLElement
  /** The page instance: call page lifecycles on it (onReachBottom, onPullDownRefresh, onHide, onShow). */
  page: PageInstance
  text(): string
  /** Taps the innermost element whose own text is exactly `label` (or the nearest tappable ancestor). */
  tap(label: string): Promise<void>
  /** Fires a component event on a rendered element, e.g. `fire(input, 'input', { value })` or a picker's `change`. */
  fire(el: Element, type: string, detail?: Record<string, unknown>): Promise<void>
  close(): void
}

/** Renders a page of the build, e.g. `pages/me/index`, as WeChat would on opening it. */
export function openPage(route: string, query: Record<string, string> = {}): RenderedPage {
  bootApp()
  nextQuery = query
  let id = loaded.get(route)
  if (!id) {
    // Jest caches modules, so a page's Page() call runs once per file: load each route once.
    id = simulate.load(path.join(dist, route), { rootPath: dist })
    loaded.set(route, id)
  }
  const comp = simulate.render(id)
  const parent = document.createElement('parent-wrapper')
  document.body.appendChild(parent)
  comp.attach(parent)
  const dom = comp.dom as HTMLElement
  return {
    dom,
    page: comp.instance as unknown as PageInstance,
    text: () => dom.textContent ?? '',
    async tap(label: string) {
      const all = Array.from(dom.querySelectorAll<HTMLElement>('[data-sid]'))
      const hit = all.filter((el) => el.textContent?.trim() === label).pop()
      if (!hit) throw new Error(`nothing to tap labelled ${label}; page text: ${dom.textContent}`)
      // Taro binds taps on the nearest node that has a handler; dispatching on the element bubbles there.
      const target = comp.querySelector(`#${hit.getAttribute('data-sid')}`)
      if (!target) throw new Error(`simulator cannot address #${hit.getAttribute('data-sid')}`)
      target.dispatchEvent('tap')
      await settle()
    },
    async fire(el, type, detail = {}) {
      const sid = el.getAttribute('data-sid')
      const target = sid ? comp.querySelector(`#${sid}`) : null
      if (!target) throw new Error(`simulator cannot address ${el.tagName} #${sid}`)
      target.dispatchEvent(type, { detail })
      await settle()
    },
    close() {
      comp.detach()
      parent.remove()
    },
  }
}

/** Lets pending promises, React commits and setData round-trips finish. */
export async function settle(ms = 20) {
  await simulate.sleep(ms)
}

/** Waits until `check` passes (it throws until then), up to `timeout` ms. */
export async function waitFor(check: () => void, timeout = 2000): Promise<void> {
  const started = Date.now()
  for (;;) {
    try {
      check()
      return
    } catch (e) {
      if (Date.now() - started > timeout) throw e
      await simulate.sleep(10)
    }
  }
}

/** Routes `wx.cloud.callFunction` by `<function>.<action>` to canned answers (the function's result). */
/** The function's own answer, or a function of the request data that returns it. */
type CloudAnswer = Result<unknown> | ((data: Record<string, unknown>) => Result<unknown>)

export function answerCloud(answers: Record<string, CloudAnswer>) {
  wx.cloud.callFunction.mockImplementation(async ({ name, data }) => {
    const key = `${name}.${data.action}`
    if (!(key in answers)) throw new Error(`cloud.callFunction:fail no stub for ${key}`)
    const a = answers[key]
    return { result: typeof a === 'function' ? a(data.data as Record<string, unknown>) : a }
  })
}
