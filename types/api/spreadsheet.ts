/** The spreadsheet function: 集体注册 import and the forms' .xlsx exports (exceljs lives only there). */
import type { Empty } from './common'

export interface ImportRow {
  /** Spreadsheet row number (the header is row 1). */
  row: number
  name: string
  idNumberMasked: string
  /**
   * new: will be added (registered with a code, or, for someone registered elsewhere, invited — the
   * preview does not tell which); member: already in this team; invited (commit only): registered
   * elsewhere, joins when they accept under 我的; invalid: see errors.
   */
  outcome: 'new' | 'member' | 'invited' | 'invalid'
  errors: string[]
}

export interface ImportPreview {
  rows: ImportRow[]
  counts: Record<ImportRow['outcome'], number>
}

export interface ImportResult extends ImportPreview {
  /** Activation codes of the people registered now (or again, still unclaimed), to hand out; stored only as hashes. */
  codes: { row: number; name: string; code: string }[]
}

export interface SpreadsheetApi {
  /** The folder to upload a roster for the team to: preview and commit accept only files from it. */
  'spreadsheet.importStart': { req: { teamId: string }; res: { cloudDir: string } }
  /** An .xlsx template for 集体注册, as a temporary download URL (administrators only). */
  'spreadsheet.importTemplate': { req: Empty; res: { fileID: string; url: string } }
  'spreadsheet.importPreview': { req: { teamId: string; fileID: string }; res: ImportPreview }
  'spreadsheet.importCommit': { req: { teamId: string; fileID: string }; res: ImportResult }
  /** 附件2 as an .xlsx laid out like the notice, for the team's subtree (now, or as of a period's end); audited. */
  'spreadsheet.exportRoster': { req: { teamId: string; periodId?: string }; res: ExportedFile }
  /** 附件3 as an .xlsx laid out like the notice, for the team and period; audited. */
  'spreadsheet.exportStatistics': { req: { teamId: string; periodId: string }; res: ExportedFile }
}

export interface ExportedFile {
  fileID: string
  /** Temporary download URL (H5 downloads it; the mini program opens it with openDocument). */
  url: string
  fileName: string
  bytes: number
  /** Data rows written (附件2: people). */
  rows: number
}
