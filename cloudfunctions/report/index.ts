import { createHandler } from '../core/handler'
import { files, platform, repos } from '../core/platform'
import { reportService } from '../core/services/report.service'

const reports = reportService({ ...repos, store: files.upload })

/** Reports: the notice's forms (附件2, 附件3), entered figures, filing, dashboard, 服务记录证明. */
export const main = createHandler<'report'>(
  'report',
  {
    roster: (caller, data) => reports.roster(caller, data),
    statistics: (caller, data) => reports.statistics(caller, data),
    entry: (caller, data) => reports.entry(caller, data),
    saveEntry: (caller, data) => reports.saveEntry(caller, data),
    saveHighlights: (caller, data) => reports.saveHighlights(caller, data),
    file: (caller, data) => reports.file(caller, data),
    filings: (caller, data) => reports.filings(caller, data),
    filingStatus: (caller, data) => reports.filingStatus(caller, data),
    dashboard: (caller, data) => reports.dashboard(caller, data),
    certificate: (caller, data) => reports.certificate(caller, data),
    certificateIssuers: (caller) => reports.certificateIssuers(caller),
    verifyCertificate: (caller, data) => reports.verifyCertificate(caller, data),
  },
  platform,
)
