/**
 * `npm test`: every check, in the order that fails fastest — type-checks, lint, function bundles,
 * both app builds, then all jest projects (unit, app, integration, compiled weapp, browser).
 */
import { spawnSync } from 'node:child_process'
import { buildFunctions } from '../cloudfunctions/build'
import { ensureBrowserDeps } from './browser-deps'

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  const started = Date.now()
  console.log(`\n[test] ${label}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  console.log(`[test] ${label} ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  if (r.status !== 0) process.exit(r.status ?? 1)
}

async function main() {
  const started = Date.now()
  ensureBrowserDeps()
  run('type-check app', 'npx', ['tsc', '-p', 'tsconfig.json'])
  run('type-check functions', 'npx', ['tsc', '-p', 'cloudfunctions/tsconfig.json'])
  run('type-check local cloud and tests', 'npx', ['tsc', '-p', 'tsconfig.tools.json'])
  run('lint', 'npx', ['eslint', '--max-warnings=0', '.'])
  run('format', 'npx', ['prettier', '--check', '--log-level=warn', '.'])
  await buildFunctions()
  run('build weapp', 'npx', ['taro', 'build', '--type', 'weapp'], { NODE_ENV: 'production' })
  run('build h5', 'npx', ['taro', 'build', '--type', 'h5'], { NODE_ENV: 'production' })
  run('jest', 'npx', ['jest', '--ci', ...process.argv.slice(2)])
  console.log(`\n[test] all checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
