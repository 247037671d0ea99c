import type { FontSizeSetting } from './font-setting'

/** A browser does not expose WeChat's text size; 长辈模式 is then only the switch on 我的. */
export const fontSizeSetting: FontSizeSetting = () => undefined
