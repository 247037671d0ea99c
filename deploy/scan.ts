/**
 * What a built function bundle actually uses: the environment variables it reads, the openapi
 * calls it makes and the collections it touches. Read from dist-cloud/<fn>/index.js rather than the
 * sources so the answer is exactly what deploys.
 *
 * Every function bundle inlines the whole shared core, so a plain text search would credit each
 * function with everything in core/. Instead the bundle's top-level statements are walked from its
 * exports (a small tree-shake): a declaration counts only if something reachable refers to it.
 * Only our own code counts (esbuild marks each inlined module with a `// path` comment); what a
 * library reads from process.env is not our configuration.
 */
import ts from 'typescript'

export interface BundleUsage {
  /** process.env names read by our code. */
  env: string[]
  /** `namespace.method` of every cloud.openapi call, e.g. subscribeMessage.send. */
  openapi: string[]
  /** Literal names passed to db.collection(). */
  collections: string[]
  /** Names the bundle exports (the handler is index.main). */
  exports: string[]
  /** Every string literal and property name in our reachable code: a timer's name must be among them. */
  names: string[]
  /** Reads the scan cannot resolve to a literal name; the check refuses them. */
  unresolved: string[]
}

interface TopStatement {
  node: ts.Statement
  module: string
  declares: string[]
  refers: Set<string>
}

const MODULE_MARKER = /^\/\/ ((?:[\w@.-]+\/)*[\w@.-]+\.(?:ts|tsx|js|mjs|cjs|json))$/gm

/** Identifiers that name something rather than refer to it (property names, keys, labels). */
function isReference(id: ts.Identifier): boolean {
  const p = id.parent
  if (!p) return true
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false
  if (ts.isPropertyAssignment(p) && p.name === id) return false
  if (ts.isBindingElement(p) && p.propertyName === id) return false
  if ((ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isGetAccessor(p)) && p.name === id) return false
  if (ts.isSetAccessor(p) && p.name === id) return false
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false
  return true
}

function declaredNames(s: ts.Statement): string[] {
  if (ts.isVariableStatement(s)) {
    const names: string[] = []
    const collect = (b: ts.BindingName) => {
      if (ts.isIdentifier(b)) names.push(b.text)
      else for (const e of b.elements) if (!ts.isOmittedExpression(e)) collect(e.name)
    }
    for (const d of s.declarationList.declarations) collect(d.name)
    return names
  }
  if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name) return [s.name.text]
  return []
}

function topStatements(file: ts.SourceFile, text: string): TopStatement[] {
  const markers = [...text.matchAll(MODULE_MARKER)].map((m) => ({ at: m.index ?? 0, module: m[1] }))
  let k = -1
  return file.statements.map((node) => {
    const start = node.getStart(file)
    while (k + 1 < markers.length && markers[k + 1].at < start) k++
    const refers = new Set<string>()
    const visit = (n: ts.Node) => {
      if (ts.isIdentifier(n) && isReference(n)) refers.add(n.text)
      n.forEachChild(visit)
    }
    visit(node)
    return { node, module: k >= 0 ? markers[k].module : '', declares: declaredNames(node), refers }
  })
}

/** Statements reachable from the bundle's side effects (exports, module.exports, init calls). */
function reachable(statements: TopStatement[]): TopStatement[] {
  const byName = new Map<string, TopStatement[]>()
  for (const s of statements) for (const n of s.declares) byName.set(n, [...(byName.get(n) ?? []), s])
  const seen = new Set<TopStatement>()
  const queue = statements.filter((s) => s.declares.length === 0)
  while (queue.length) {
    const s = queue.pop() as TopStatement
    if (seen.has(s)) continue
    seen.add(s)
    for (const r of s.refers) for (const d of byName.get(r) ?? []) if (!seen.has(d)) queue.push(d)
  }
  return statements.filter((s) => seen.has(s))
}

function isProcessEnv(e: ts.Expression): boolean {
  return (
    ts.isPropertyAccessExpression(e) &&
    e.name.text === 'env' &&
    ts.isIdentifier(e.expression) &&
    e.expression.text === 'process'
  )
}

function literal(e: ts.Expression | undefined): string | undefined {
  return e && (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) ? e.text : undefined
}

/** The function whose parameter `name` is, when `node` sits inside one: a helper such as list(name). */
function helperOf(node: ts.Node, name: string): { fn: string; index: number } | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isFunctionDeclaration(p) || ts.isFunctionExpression(p) || ts.isArrowFunction(p)) {
      const index = p.parameters.findIndex((q) => ts.isIdentifier(q.name) && q.name.text === name)
      if (index < 0) return undefined
      let fnName = p.name?.text
      if (!fnName && ts.isVariableDeclaration(p.parent) && ts.isIdentifier(p.parent.name)) fnName = p.parent.name.text
      return fnName ? { fn: fnName, index } : undefined
    }
  }
  return undefined
}

export function scanBundle(text: string): BundleUsage {
  const file = ts.createSourceFile('index.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS)
  const ours = reachable(topStatements(file, text)).filter((s) => s.module && !s.module.includes('node_modules/'))
  const env = new Set<string>()
  const openapi = new Set<string>()
  const collections = new Set<string>()
  const names = new Set<string>()
  const unresolved: string[] = []
  const helpers: { fn: string; index: number; where: string }[] = []
  const calls: ts.CallExpression[] = []

  for (const s of ours) {
    const where = (n: ts.Node) =>
      `${s.module}: ${n.getText(file).slice(0, 60)} (bundle line ${file.getLineAndCharacterOfPosition(n.getStart(file)).line + 1})`
    const visit = (n: ts.Node) => {
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) names.add(n.text)
      else if (ts.isIdentifier(n) && !isReference(n)) names.add(n.text)
      if (ts.isPropertyAccessExpression(n) && isProcessEnv(n.expression)) env.add(n.name.text)
      else if (ts.isElementAccessExpression(n) && isProcessEnv(n.expression)) {
        const name = literal(n.argumentExpression)
        const helper = !name && ts.isIdentifier(n.argumentExpression) && helperOf(n, n.argumentExpression.text)
        if (name) env.add(name)
        else if (helper) helpers.push({ ...helper, where: where(n) })
        else unresolved.push(`process.env read by a computed name in ${where(n)}`)
      } else if (isProcessEnv(n as ts.Expression) && !ts.isPropertyAccessExpression(n.parent)) {
        if (!ts.isElementAccessExpression(n.parent)) unresolved.push(`process.env used as a whole in ${where(n)}`)
      }
      if (ts.isCallExpression(n)) {
        calls.push(n)
        const callee = n.expression
        const m = /(?:^|\.)openapi\.(\w+)\.(\w+)$/.exec(callee.getText(file))
        if (m) openapi.add(`${m[1]}.${m[2]}`)
        if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'collection') {
          const name = literal(n.arguments[0])
          if (name) collections.add(name)
          else unresolved.push(`collection named by a computed value in ${where(n)}`)
        }
      }
      n.forEachChild(visit)
    }
    visit(s.node)
  }

  // A helper such as list('OWNER_OPENIDS') reads process.env[name]: credit the literal at each call.
  for (const h of helpers) {
    const sites = calls.filter((c) => ts.isIdentifier(c.expression) && c.expression.text === h.fn)
    if (sites.length === 0) unresolved.push(`process.env read through ${h.fn}() in ${h.where}, which nothing calls`)
    for (const c of sites) {
      const name = literal(c.arguments[h.index])
      if (name) env.add(name)
      else unresolved.push(`${h.fn}() called with a computed name: ${c.getText(file).slice(0, 60)}`)
    }
  }

  // esbuild's CommonJS output: module.exports = __toCommonJS(x) after __export(x, { main: () => main }).
  const exported = new Set<string>()
  const target = /^module\.exports = __toCommonJS\((\w+)\);$/m.exec(text)?.[1]
  const list = target && new RegExp(`^__export\\(${target}, \\{([^}]*)\\}\\);$`, 'm').exec(text)?.[1]
  for (const k of (list || '').matchAll(/(\w+): \(\) =>/g)) exported.add(k[1])

  const sorted = (s: Set<string>) => [...s].sort()
  return {
    env: sorted(env),
    openapi: sorted(openapi),
    collections: sorted(collections),
    exports: sorted(exported),
    names: sorted(names),
    unresolved,
  }
}
