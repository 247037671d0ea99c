/**
 * A boolean component prop that is absent when false. Taro H5 writes `disabled={false}` out as the
 * attribute `disabled="false"`, and its button stylesheet greys out any `[disabled]`, so an enabled
 * button must carry no attribute at all.
 */
export const flag = (on: boolean): true | undefined => (on ? true : undefined)

/** Props of a button while its work runs: disabled and spinning when busy, no attributes at all when idle. */
export function busyProps(busy: boolean): { disabled?: true; loading?: true } {
  return busy ? { disabled: true, loading: true } : {}
}
