import type { UserConfigExport } from '@tarojs/cli'

// Production builds keep Taro's defaults: minified JS and CSS, no source maps. Package size is
// measured on these builds (WeChat limits the main package to 2 MB).
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
