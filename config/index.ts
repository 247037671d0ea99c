import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

const isH5 = process.env.TARO_ENV === 'h5'

// The contract in types/ lives outside src/, and Taro only compiles src/ and Taro's own packages by
// default; types/enums.ts carries runtime values (the Chinese labels), so it must go through Babel too.
const sharedSources = [path.resolve(__dirname, '..', 'types')]

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'kepu-yiyang-volunteers',
    date: '2024-9-1',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // The dev server serves dist-h5 while WeChat DevTools reads dist: one folder each, or a build of
    // one target would wipe the other.
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {
      // The 云开发 environment id the app talks to; empty means the DevTools' default environment.
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? ''),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      compile: { include: sharedSources },
      webpackChain(chain) {
        // A module used by several subpackages is copied into each one's sub-common chunk; with
        // mangled export names a page could ask its copy for a name only another build of it had
        // (代为注册 read an undefined schema). Plain export names keep every copy the same.
        chain.optimization.set('mangleExports', false)
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing lets any static file server (the local dev server included) serve the app
      // without rewriting deep links to index.html.
      router: { mode: 'hash' },
      compile: { include: sharedSources },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
      },
      webpackChain(chain) {
        // The H5 build only runs against the local cloud (users get the weapp build), so webpack's
        // 244 KiB first-load hint for public websites is noise here.
        chain.performance.hints(false)
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
