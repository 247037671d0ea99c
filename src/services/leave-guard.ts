/**
 * Asks before the user leaves a screen with unsent input (the back button). Taro picks
 * `leave-guard.weapp.ts` or `leave-guard.h5.ts`; this file is the interface and the no-op fallback.
 */
export type Guard = (message: string | null) => void

/** `message` on: ask with it before leaving; `null`: leave freely. */
export const guardLeave: Guard = () => undefined
