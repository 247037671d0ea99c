/**
 * Bundles each function folder (one with index.ts + config.json) into dist-cloud/<fn>/:
 * index.js with the shared core and types inlined, wx-server-sdk left external and pinned,
 * plus package.json and config.json. These bundles are what the local cloud runs and what deploys.
 */
import { build } from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const src = path.join(root, 'cloudfunctions')
export const outDir = path.join(root, 'dist-cloud')

export function functionNames(): string[] {
  return fs
    .readdirSync(src, { withFileTypes: true })
    .filter(
      (d) =>
        d.isDirectory() &&
        fs.existsSync(path.join(src, d.name, 'index.ts')) &&
        fs.existsSync(path.join(src, d.name, 'config.json')),
    )
    .map((d) => d.name)
    .sort()
}

export async function buildFunctions(names = functionNames()): Promise<{ name: string; bytes: number }[]> {
  const sdkVersion: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies[
    'wx-server-sdk'
  ]
  if (!/^\d+\.\d+\.\d+$/.test(sdkVersion))
    throw new Error(`wx-server-sdk must be pinned to an exact version, found ${sdkVersion}`)
  return Promise.all(
    names.map(async (name) => {
      const out = path.join(outDir, name)
      fs.mkdirSync(out, { recursive: true })
      await build({
        entryPoints: [path.join(src, name, 'index.ts')],
        outfile: path.join(out, 'index.js'),
        bundle: true,
        platform: 'node',
        // The 云开发 Node.js 16 runtime is the oldest one still offered.
        target: 'node16',
        format: 'cjs',
        external: ['wx-server-sdk'],
        legalComments: 'none',
        logLevel: 'warning',
      })
      const pkg = {
        name,
        version: '1.0.0',
        private: true,
        main: 'index.js',
        dependencies: { 'wx-server-sdk': sdkVersion },
      }
      fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify(pkg, null, 2) + '\n')
      fs.copyFileSync(path.join(src, name, 'config.json'), path.join(out, 'config.json'))
      return { name, bytes: fs.statSync(path.join(out, 'index.js')).size }
    }),
  )
}

// Run as a script (not imported by start or the tests).
if ((require as unknown as { main: unknown }).main === module) {
  const started = Date.now()
  buildFunctions().then(
    (built) => {
      for (const b of built) console.log(`[build] ${b.name}: ${(b.bytes / 1024).toFixed(1)} KB`)
      console.log(`[build] ${built.length} functions → dist-cloud/ in ${Date.now() - started} ms`)
    },
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}
