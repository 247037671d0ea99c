import type { RequestSubscribe } from './subscribe'

// A browser has no WeChat subscribe messages; the 我的 page shows the same notices, so nothing is lost.
export const requestSubscribe: RequestSubscribe = () => Promise.resolve('unsupported')
