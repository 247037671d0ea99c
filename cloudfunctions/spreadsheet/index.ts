import { createHandler } from '../core/handler'
import { files, platform, repos } from '../core/platform'
import { formExports } from '../core/services/form-export'
import { importService } from '../core/services/import.service'
import { reportService } from '../core/services/report.service'

const imports = importService({ ...repos, files })
const exports = formExports({ ...repos, files, reports: reportService({ ...repos, store: files.upload }) })

/** Spreadsheets in and out (exceljs lives only in this function): 集体注册 import, the forms' exports (附件2, 附件3). */
export const main = createHandler<'spreadsheet'>(
  'spreadsheet',
  {
    importTemplate: () => imports.template(),
    importPreview: (caller, data) => imports.preview(caller, data),
    importCommit: (caller, data) => imports.commit(caller, data),
    exportRoster: (caller, data) => exports.roster(caller, data),
    exportStatistics: (caller, data) => exports.statistics(caller, data),
  },
  platform,
)
