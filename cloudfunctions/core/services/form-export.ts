/**
 * The notice's two forms as .xlsx files an office worker opens in Excel or WPS: title, header lines,
 * borders, merged cells, column widths, A4 print setup. exceljs lives only in the spreadsheet function.
 * 附件2 is written with the streaming writer, a page of rows at a time as they are read.
 */
import crypto from 'node:crypto'
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import type { ExportedFile, RosterRow, StatisticsForm } from '../../../types/api'
import { Gender } from '../../../types/enums'
import { chineseDate, statisticsFigures, statisticsSections } from '../../../types/report-form'
import type { Caller } from '../context'
import type { RecordRepository } from '../repositories/record.repository'
import { rosterAsOf } from '../report-rules'
import { chinaDay } from '../time'
import type { FileStore } from './import.service'
import type { reportService } from './report.service'

/**
 * Text a person typed never starts a cell with a formula character (= + - @, or a tab or return
 * before one): a leading apostrophe keeps Excel and WPS from evaluating it.
 */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}
const A4 = 9
const FONT = '宋体'

export interface ExportDeps {
  reports: ReturnType<typeof reportService>
  records: RecordRepository
  files: FileStore
}

/** A roster row's cells: bordered, 宋体 11, 序号 and 性别 centred. */
const ROW_STYLES: Partial<ExcelJS.Style>[] = [1, 2, 3, 4, 5].map((col) => ({
  border: THIN,
  font: { name: FONT, size: 11 },
  alignment: { vertical: 'middle', horizontal: col === 1 || col === 3 ? 'center' : 'left', wrapText: true },
}))

/** 附件2 columns: 序号, 志愿者姓名, 性别, 单位, 职务/职称. */
export const ROSTER_HEADER = ['序号', '志愿者姓名', '性别', '单位', '职务/职称']
const ROSTER_WIDTHS = [8, 14, 8, 36, 22]

export function formExports({ reports, records, files }: ExportDeps) {
  async function upload(kind: string, teamId: string, fileName: string, buffer: Buffer) {
    const stamp = crypto.randomBytes(6).toString('hex')
    const fileID = await files.upload(`exports/${kind}/${teamId}/${stamp}/${fileName}`, buffer)
    return { fileID, url: await files.tempUrl(fileID) }
  }

  return {
    async roster(caller: Caller, data: { teamId: string; periodId?: string }): Promise<ExportedFile> {
      const [{ unit }, p] = await Promise.all([
        reports.unitInScope(caller, data.teamId),
        data.periodId ? reports.period(data.periodId) : Promise.resolve(null),
      ])
      const today = chinaDay(caller.now())
      const out = new PassThrough()
      const chunks: Buffer[] = []
      out.on('data', (c: Buffer) => chunks.push(c))
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
      const sheet = wb.addWorksheet('附件2', {
        pageSetup: {
          paperSize: A4,
          orientation: 'portrait',
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          horizontalCentered: true,
          printTitlesRow: '3:3',
          margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
        },
        views: [{ state: 'frozen', ySplit: 3 }],
      })
      sheet.columns = ROSTER_WIDTHS.map((width) => ({ width }))
      const title = sheet.addRow(['科技志愿者支队基本情况表'])
      title.height = 30
      title.getCell(1).font = { name: FONT, size: 16, bold: true }
      title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' }
      sheet.mergeCells(1, 1, 1, 5)
      title.commit()
      // A period's roster says as of when it lists the members (rosterAsOf).
      const asOf = p ? `（名单截至${chineseDate(p.end)}）` : ''
      const head = sheet.addRow([`单位：${safeText(unit.name)}`, null, null, `填报日期：${chineseDate(today)}${asOf}`])
      head.font = { name: FONT, size: 11 }
      sheet.mergeCells(2, 1, 2, 3)
      sheet.mergeCells(2, 4, 2, 5)
      head.getCell(4).alignment = { horizontal: 'right' }
      head.commit()
      const header = sheet.addRow(ROSTER_HEADER)
      header.eachCell((c) => {
        c.font = { name: FONT, size: 11, bold: true }
        c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
        c.border = THIN
      })
      header.commit()
      const n = await reports.eachRosterPage(
        unit._id,
        (rows: RosterRow[]) => {
          for (const r of rows) {
            const row = sheet.addRow([
              r.no,
              safeText(r.name),
              Gender.map[r.gender] ?? '',
              safeText(r.employer),
              safeText(r.position),
            ])
            // One style object per column, shared by every row: exceljs files each distinct style once.
            row.eachCell({ includeEmpty: true }, (c, col) => {
              c.style = ROW_STYLES[col - 1]
            })
            row.commit()
          }
        },
        p ? rosterAsOf(p) : undefined,
      )
      const note = sheet.addRow(['注：此表由市级学会、区县（市）科协填写（9月18日前报送）'])
      note.getCell(1).font = { name: FONT, size: 10 }
      sheet.mergeCells(note.number, 1, note.number, 5)
      note.commit()
      sheet.commit()
      await wb.commit()
      const buffer = Buffer.concat(chunks)
      const fileName = `附件2_科技志愿者支队基本情况表_${today}.xlsx`
      const stored = await upload('roster', unit._id, fileName, buffer)
      await records.audit({
        by: caller.openid,
        action: 'export',
        target: unit._id,
        detail: p ? `roster ${p._id} rows ${n}` : `roster rows ${n}`,
      })
      return { ...stored, fileName, bytes: buffer.length, rows: n }
    },

    async statistics(caller: Caller, data: { teamId: string; periodId: string }): Promise<ExportedFile> {
      const form = await reports.statistics(caller, data)
      const buffer = await statisticsWorkbook(form)
      const fileName = `附件3_科技志愿服务活动情况统计表_${form.date}.xlsx`
      const stored = await upload('statistics', form.unit.id, fileName, buffer)
      await records.audit({
        by: caller.openid,
        action: 'export',
        target: form.unit.id,
        detail: `statistics ${form.period.id}`,
      })
      return { ...stored, fileName, bytes: buffer.length, rows: 1 }
    },
  }
}

/** 附件3 laid out like the notice: a label column and a text column, then every figure on a second sheet. */
export async function statisticsWorkbook(form: StatisticsForm): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('附件3', {
    pageSetup: {
      paperSize: A4,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    },
  })
  sheet.columns = [{ width: 12 }, { width: 80 }]
  sheet.addRow(['科技志愿服务活动情况统计表'])
  sheet.mergeCells('A1:B1')
  sheet.getRow(1).height = 30
  sheet.getCell('A1').font = { name: FONT, size: 16, bold: true }
  sheet.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle' }
  sheet.addRow([`填报单位（公章）：${safeText(form.unit.name)}        填报日期：${chineseDate(form.date)}`])
  sheet.mergeCells('A2:B2')
  sheet.getCell('A2').font = { name: FONT, size: 11 }
  const sections = statisticsSections(form)
  let sectionStart = 0
  sections.forEach((s, i) => {
    const row = sheet.addRow([s.label || null, safeText(s.text)])
    const lines = s.text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / 38)), 0)
    row.height = Math.max(30, lines * 16 + 8)
    row.getCell(1).font = { name: FONT, size: 11, bold: true }
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    row.getCell(2).font = { name: FONT, size: 11 }
    row.getCell(2).alignment = { vertical: 'middle', wrapText: true }
    row.getCell(1).border = THIN
    row.getCell(2).border = THIN
    if (s.label) sectionStart = row.number
    // A section with no label continues the one above it: the label cell spans both rows.
    const next = sections[i + 1]
    if (!s.label && (!next || next.label) && sectionStart && row.number > sectionStart)
      sheet.mergeCells(sectionStart, 1, row.number, 1)
  })
  const note = sheet.addRow(['注：此表由市级学会、区县（市）科协填写（12月10日前报送）'])
  sheet.mergeCells(note.number, 1, note.number, 2)
  note.getCell(1).font = { name: FONT, size: 10 }

  const detail = wb.addWorksheet('数据', { pageSetup: { paperSize: A4, orientation: 'portrait', fitToPage: true } })
  detail.columns = [{ width: 40 }, { width: 16 }]
  const head = detail.addRow(['项目', '数值'])
  head.font = { name: FONT, bold: true }
  for (const [label, value] of statisticsFigures(form)) {
    const row = detail.addRow([label, typeof value === 'string' ? safeText(value) : value])
    row.getCell(1).border = THIN
    row.getCell(2).border = THIN
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
