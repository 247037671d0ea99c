import { createHandler } from '../core/handler'
import { files, platform, repos } from '../core/platform'
import { importService } from '../core/services/import.service'

const imports = importService({ ...repos, files })

/** Spreadsheets in and out (exceljs lives only in this function): 集体注册 import. */
export const main = createHandler<'spreadsheet'>(
  'spreadsheet',
  {
    importTemplate: () => imports.template(),
    importPreview: (caller, data) => imports.preview(caller, data),
    importCommit: (caller, data) => imports.commit(caller, data),
  },
  platform,
)
