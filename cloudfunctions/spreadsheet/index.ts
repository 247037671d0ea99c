import type { Result } from '../../types/result'
import { cloud } from '../core/db'
import { createHandler } from '../core/handler'
import { files, platform, repos } from '../core/platform'
import { formExports } from '../core/services/form-export'
import { importService } from '../core/services/import.service'
import { reportService } from '../core/services/report.service'

const imports = importService({ ...repos, files })
const exports = formExports({ ...repos, files, reports: reportService({ ...repos, store: files.upload }) })

/** Spreadsheets in and out (exceljs lives only in this function): 集体注册 import, the forms' exports (附件2, 附件3). */
const handle = createHandler<'spreadsheet'>(
  'spreadsheet',
  {
    importStart: (caller, data) => imports.start(caller, data),
    importTemplate: (caller) => imports.template(caller),
    importPreview: (caller, data) => imports.preview(caller, data),
    importCommit: (caller, data) => imports.commit(caller, data),
    exportRoster: (caller, data) => exports.roster(caller, data),
    exportStatistics: (caller, data) => exports.statistics(caller, data),
  },
  platform,
)

/**
 * The daily timer (config.json `triggers`: `purgeUploads`) deletes rosters older than a day. The
 * platform invokes it as `{ Type: 'Timer', TriggerName }` with no user; a call from the app has an
 * OPENID and goes to the actions above.
 */
export async function main(event: unknown): Promise<Result<unknown>> {
  const trigger = (event as { TriggerName?: unknown } | null)?.TriggerName
  if (trigger !== 'purgeUploads' || cloud.getWXContext().OPENID) return handle(event)
  try {
    const data = await imports.purge(new Date())
    console.log('[spreadsheet] purgeUploads done')
    return { ok: true, data }
  } catch (e) {
    console.error('[spreadsheet] purgeUploads failed:', e instanceof Error ? e.message : String(e))
    return { ok: false, code: 'INTERNAL', message: '定时任务失败' }
  }
}
