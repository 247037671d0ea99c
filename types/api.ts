/**
 * The contract between the app and the cloud functions: every action, its request and its answer.
 * An action is named `<function>.<action>`; the client sends `{ action, data }` to function `<function>`.
 * Each function's part lives in `api/<function>.ts`; `Api` is their union.
 */
import type { ActivityApi } from './api/activity'
import type { AdminApi } from './api/admin'
import type { CheckinApi } from './api/checkin'
import type { ReportApi } from './api/report'
import type { SpreadsheetApi } from './api/spreadsheet'
import type { TeamApi } from './api/team'
import type { VolunteerApi } from './api/volunteer'

export * from './api/activity'
export * from './api/admin'
export * from './api/checkin'
export * from './api/common'
export * from './api/report'
export * from './api/spreadsheet'
export * from './api/team'
export * from './api/volunteer'

export type Api = VolunteerApi & TeamApi & AdminApi & SpreadsheetApi & ActivityApi & CheckinApi & ReportApi

export type ActionName = keyof Api
export type ReqOf<A extends ActionName> = Api[A]['req']
export type ResOf<A extends ActionName> = Api[A]['res']
export type FunctionOf<A extends ActionName> = A extends `${infer F}.${string}` ? F : never
