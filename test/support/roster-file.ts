/** Builds 集体注册 spreadsheets the way an office worker fills the template. */
import ExcelJS from 'exceljs'
import { COLUMNS } from '../../cloudfunctions/core/services/import.service'

export type RowValues = Partial<Record<(typeof COLUMNS)[number]['key'], string | number>>

export async function rosterFile(rows: RowValues[], header: string[] = COLUMNS.map((c) => c.header)): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const sheet = wb.addWorksheet('集体注册')
  sheet.addRow(header)
  for (const r of rows) sheet.addRow(COLUMNS.map((c) => r[c.key] ?? ''))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A complete row for person number `i` (valid ID number and mobile derived from it). */
export function goodRow(i: number, idNumber: string): RowValues {
  return {
    name: `志愿者${String.fromCharCode(0x4e00 + (i % 500))}`,
    gender: Number(idNumber[16]) % 2 === 1 ? '男' : '女',
    idNumber,
    employer: '益阳市第一人民医院',
    position: '主治医师',
    mobile: `135${String(i).padStart(8, '0')}`,
    skills: '医疗服务、科普报告',
    specialty: '心血管',
    availability: '周末、晚间',
    source: '学会会员',
    consent: '是',
  }
}
