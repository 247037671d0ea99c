import fs from 'node:fs'
import path from 'node:path'
import { GLOSSARY } from './glossary'

/** The app's source files that carry UI strings (tests and the glossary itself excluded). */
function uiFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return uiFiles(p)
    if (!/\.tsx?$/.test(e.name) || /\.test\.tsx?$/.test(e.name) || p === __filename.replace('.test', '')) return []
    return [p]
  })
}

/** String and JSX text contents: quoted literals, template literals, and text between tags. */
function uiStrings(source: string): string[] {
  const literals = source.match(/'[^'\n]*'|"[^"\n]*"|`[^`]*`|>[^<>{}\n]+</g) ?? []
  return literals.filter((s) => /[\u4e00-\u9fff]/.test(s))
}

const files = uiFiles(__dirname)

it('finds the UI strings it checks', () => {
  expect(files.length).toBeGreaterThan(20)
  expect(files.flatMap((f) => uiStrings(fs.readFileSync(f, 'utf8'))).join('')).toContain('激活码')
})

it.each(GLOSSARY.map((t) => [t.use, t.not] as const))('says %s, never a variant', (_use, variants) => {
  const found = files.flatMap((f) =>
    uiStrings(fs.readFileSync(f, 'utf8'))
      .filter((s) => variants.some((v) => s.includes(v)))
      .map((s) => `${path.relative(__dirname, f)}: ${s}`),
  )
  expect(found).toEqual([])
})
