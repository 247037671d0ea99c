/**
 * The phone's text size as WeChat reports it (`fontSizeSetting`, in px; 16 is WeChat's standard size,
 * 17 and above are the "large" settings). Taro picks `font-setting.weapp.ts` or `font-setting.h5.ts`;
 * this file is the interface and the fallback for tests: unknown.
 */
export type FontSizeSetting = () => number | undefined

export const fontSizeSetting: FontSizeSetting = () => undefined
