/**
 * The few colours that code (not SCSS) passes to WeChat APIs, e.g. `showModal`'s `confirmColor`:
 * the same values as `_tokens.scss`, so a destructive confirmation looks like every other.
 */
export const DANGER = '#b3261e'
