/**
 * `npm run upload:weapp`: production weapp build, then upload as a development version with
 * miniprogram-ci (https://developers.weixin.qq.com/miniprogram/dev/devtools/ci.html). The version is
 * package.json's, the description names the git commit.
 *
 * miniprogram-ci brings ~700 packages (~230 MB), so it is not a root dependency: it installs into
 * deploy/weapp/ from that folder's own lock file the first time this runs.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { loadEnv } from './deploy'
import { root } from './project'

const VARS = {
  appid: 'WEAPP_APPID',
  privateKey: 'WEAPP_PRIVATE_KEY_PATH',
  robot: 'WEAPP_ROBOT',
  cloudEnv: 'CLOUDBASE_ENV_ID',
} as const

interface MiniprogramCi {
  Project: new (o: {
    appid: string
    type: string
    projectPath: string
    privateKeyPath: string
    ignores?: string[]
  }) => unknown
  upload(o: {
    project: unknown
    version: string
    desc: string
    robot?: number
    setting?: Record<string, boolean>
    onProgressUpdate?: (t: unknown) => void
  }): Promise<{ subPackageInfo?: { name: string; size: number }[] }>
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()
}

function run(cmd: string, args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`)
}

async function main() {
  const env = loadEnv()
  const missing = [VARS.appid, VARS.privateKey].filter((k) => !env[k])
  if (missing.length) {
    console.error(
      `[upload] set ${missing.join(', ')} in the environment or .env.local: the mini program's AppID and the path of the code upload key (微信公众平台 → 开发管理 → 开发设置 → 小程序代码上传); see docs/DEPLOY.md`,
    )
    process.exit(2)
  }
  const keyPath = path.resolve(root, env[VARS.privateKey] as string)
  if (!fs.existsSync(keyPath)) {
    console.error(`[upload] ${VARS.privateKey} points to ${keyPath}, which does not exist`)
    process.exit(2)
  }
  const cloudEnv = env.CLOUD_ENV || env[VARS.cloudEnv]
  if (!cloudEnv)
    console.warn(`[upload] neither CLOUD_ENV nor ${VARS.cloudEnv} is set: the app will use its default environment`)

  const version: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version
  const dirty = git('status', '--porcelain') !== ''
  const desc = `${git('describe', '--always', '--dirty')} ${git('log', '-1', '--format=%s')}`.slice(0, 200)
  if (dirty) console.warn('[upload] the working tree has uncommitted changes; the description says -dirty')

  console.log(`[upload] production build of dist/ (CLOUD_ENV=${cloudEnv ?? ''})`)
  run('npx', ['taro', 'build', '--type', 'weapp'], { NODE_ENV: 'production', CLOUD_ENV: cloudEnv })

  const ciDir = path.join(__dirname, 'weapp')
  if (!fs.existsSync(path.join(ciDir, 'node_modules', 'miniprogram-ci'))) {
    console.log('[upload] installing miniprogram-ci into deploy/weapp/ (first run only)')
    run('npm', ['ci', '--prefix', ciDir, '--no-audit', '--no-fund'])
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require(path.join(ciDir, 'node_modules', 'miniprogram-ci')) as MiniprogramCi
  const project = new ci.Project({
    appid: env[VARS.appid] as string,
    type: 'miniProgram',
    projectPath: root,
    privateKeyPath: keyPath,
    ignores: ['node_modules/**/*', 'deploy/**/*', 'dist-h5/**/*', 'dist-cloud/**/*', '.data/**/*'],
  })
  const robot = Number(env[VARS.robot] ?? 1)
  console.log(`[upload] ${version} — ${desc} (robot ${robot})`)
  const res = await ci.upload({
    project,
    version,
    desc,
    robot,
    // Taro has already compiled and minified dist/.
    setting: { es6: false, es7: false, minify: false, autoPrefixWXSS: false },
    onProgressUpdate: () => undefined,
  })
  for (const p of res.subPackageInfo ?? []) console.log(`[upload] ${p.name}: ${(p.size / 1024).toFixed(1)} KiB`)
  console.log('[upload] done: choose it as 体验版 or submit it for review in 微信公众平台 → 版本管理')
}

main().catch((e) => {
  console.error(`[upload] failed: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
