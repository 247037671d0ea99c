import type { UserConfigExport } from '@tarojs/cli'

// Watch builds: unminified, with the webpack stats so slow rebuilds show where the time goes.
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
