/**
 * One date style in the UI (issue 12): 2026年12月1日, written only by `src/utils/datetime.ts`. This
 * scans the app's sources for any other way of writing a date for people to read; the browser audit
 * (test/support/audit.ts) checks the rendered screens for ISO-looking dates as well.
 */
import fs from 'node:fs'
import path from 'node:path'

const SRC = __dirname
const HOME = path.join(SRC, 'utils', 'datetime.ts')

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sources(p)
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && p !== HOME ? [p] : []
  })
}

/** Code without comments: a comment may well quote a date to explain a format. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')

const RULES: { what: string; re: RegExp }[] = [
  { what: 'a date put together by hand (年/月 in a template)', re: /[年月]\$\{/ },
  { what: 'the browser’s locale date format', re: /toLocale(Date)?String\(/ },
  { what: 'the forms’ export formatter instead of the UI’s', re: /\bchineseDate\b/ },
  { what: 'a dayjs format of its own', re: /\.format\(\s*['"`][^'"`]*(YYYY|M月|D日)/ },
  { what: 'an ISO-looking date in text', re: /['"`][^'"`\n]*\b(19|20)\d{2}-\d{2}-\d{2}\b[^'"`\n]*['"`]/ },
]

/**
 * Dates that never reach a person's eyes as such: values of date pickers and payload days. Each with
 * the reason it is allowed.
 */
const ALLOWED: Record<string, string> = {
  // The activity form's date picker works in YYYY-MM-DD; it shows the day through formatDate.
  'packages/organizer/pages/activity-edit/form.ts': 'a dayjs format of its own',
}

test('every screen writes dates through src/utils/datetime.ts', () => {
  const found: string[] = []
  for (const file of sources(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join('/')
    const text = code(fs.readFileSync(file, 'utf8'))
    for (const rule of RULES) {
      if (ALLOWED[rel] === rule.what) continue
      const m = rule.re.exec(text)
      if (m) found.push(`${rel}: ${rule.what}: ${m[0].slice(0, 60)}`)
    }
  }
  expect(found).toEqual([])
})

test('the scan itself catches each way of writing a date by hand', () => {
  const samples = [
    '`${y}年${m}月`',
    'd.toLocaleDateString()',
    'chineseDate(day)',
    "d.format('YYYY/MM/DD')",
    "'如 2024-09-14'",
  ]
  samples.forEach((s, i) => expect(RULES[i].re.test(s)).toBe(true))
})
