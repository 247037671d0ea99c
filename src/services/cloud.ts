/**
 * The platform adapter behind the typed client: sends `{ action, data }` to cloud function `name`
 * and resolves with the function's own answer, unparsed.
 *
 * Taro's resolver picks `cloud.weapp.ts` or `cloud.h5.ts` for `import './cloud'` on those targets
 * (it tries `<name>.<TARO_ENV>.<ext>` before `<name>.<ext>`), so this file only runs where no
 * adapter exists (tests, a target we do not ship) and is the type both adapters must satisfy.
 */
export interface CloudPayload {
  action: string
  data: unknown
}

export type Invoke = (name: string, payload: CloudPayload) => Promise<unknown>

export const invoke: Invoke = (name) =>
  Promise.reject(new Error(`[cloud] no cloud adapter for this platform (function ${name})`))
