/**
 * Makes the screen easy to scan while a check-in code is shown: full brightness, kept on. Taro picks
 * `screen.weapp.ts` or `screen.h5.ts`; this file is the interface both satisfy and the fallback for
 * tests and targets without such control.
 */

/** Undoes what `holdBrightScreen` did (brightness back to what it was, screen may sleep again). */
export type Release = () => void

export type HoldBrightScreen = () => Promise<Release>

export const holdBrightScreen: HoldBrightScreen = () => Promise.resolve(() => undefined)
