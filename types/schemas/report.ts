/** Schemas of the report function (and the spreadsheet function's form exports). */
import * as v from 'valibot'
import type { ActionName, ReqOf } from '../api'
import { cursorSchema, empty, id, limitSchema } from './common'

/** The largest figure a team can enter: far above any real count, below any float trouble. */
export const MAX_FIGURE = 100_000_000

/** A counted figure: blank (null) or a non-negative integer. */
const figure = (label: string) =>
  v.nullable(
    v.pipe(
      v.number(`${label}应为数字`),
      v.integer(`${label}应为整数`),
      v.minValue(0, `${label}不能为负数`),
      v.maxValue(MAX_FIGURE, `${label}过大`),
    ),
  )

export const figuresSchema = v.strictObject({
  museumTours: figure('流动科技馆巡展次数'),
  caravanTours: figure('科普大篷车巡展次数'),
  ruralTrainings: figure('培训培育次数'),
  ruralTrainees: figure('培训人次'),
  farmerContest: figure('全国农民科学素质网络知识竞赛人次'),
  provinceContest: figure('湖南省科学素质网络大赛人次'),
  informants: figure('科普中国信息员人数'),
  kepuChinaShares: figure('“科普中国”文章篇数'),
  kepuHunanShares: figure('“科普湖南”文章篇数'),
})

export const coverageSchema = v.strictObject({
  museum: v.nullable(v.boolean('请选择是或否')),
  caravan: v.nullable(v.boolean('请选择是或否')),
})

const highlightIds = v.pipe(v.array(id, '亮点活动无效'), v.maxLength(2, '亮点活动最多选 2 项'))

export const entryInputSchema = v.strictObject({
  teamId: id,
  periodId: id,
  figures: figuresSchema,
  coverage: coverageSchema,
  highlightIds: v.optional(highlightIds),
})

const teamPeriod = v.strictObject({ teamId: id, periodId: id })

/** Serial and code as printed on a certificate; letters are read back upper-case. */
export const certificateSerial = v.pipe(
  v.string('请填写证明编号'),
  v.trim(),
  v.toUpperCase(),
  v.regex(/^ZM[0-9A-Z]{4,20}$/, '证明编号格式不正确'),
)
export const certificateCode = v.pipe(
  v.string('请填写核验码'),
  v.trim(),
  v.toUpperCase(),
  v.regex(/^[0-9A-Z]{8}$/, '核验码应为 8 位字母或数字'),
)

export const reportSchemas: {
  [A in ActionName as A extends `report.${string}` ? A : never]: v.GenericSchema<unknown, ReqOf<A>>
} = {
  'report.roster': v.strictObject({
    teamId: id,
    periodId: v.optional(id),
    cursor: cursorSchema,
    limit: limitSchema,
  }),
  'report.statistics': teamPeriod,
  'report.entry': teamPeriod,
  'report.saveEntry': entryInputSchema,
  'report.saveHighlights': v.strictObject({ teamId: id, periodId: id, highlightIds }),
  'report.file': v.strictObject({ teamId: id, periodId: id, form: v.picklist(['roster', 'statistics'], '表格无效') }),
  'report.filings': teamPeriod,
  'report.filingStatus': teamPeriod,
  'report.dashboard': teamPeriod,
  'report.certificate': v.strictObject({ teamId: id }),
  'report.certificateIssuers': empty,
  'report.verifyCertificate': v.strictObject({ serial: certificateSerial, code: certificateCode }),
}

export const exportSchemas = {
  'spreadsheet.exportRoster': v.strictObject({ teamId: id, periodId: v.optional(id) }),
  'spreadsheet.exportStatistics': teamPeriod,
} satisfies { [A in 'spreadsheet.exportRoster' | 'spreadsheet.exportStatistics']: v.GenericSchema<unknown, ReqOf<A>> }
