import { certificate } from '../../../../../test/support/report-fixtures'
import { toCertificateView } from './certificate-view'

test('tells scanned and 补录 hours apart on each line and in the total', () => {
  const v = toCertificateView(certificate())
  expect(v.lines.map((l) => [l.date, l.content, l.hours, l.makeup])).toEqual([
    ['2024年5月12日', '防灾减灾科普进社区（赫山区科技志愿者队）', '3 小时（签到）', false],
    ['2024年6月2日', '农技下乡（赫山区科技志愿者队）', '2.5 小时（补录）', true],
  ])
  expect(v.total).toBe('累计服务时间：5.5 小时（其中签到记录 3 小时，补录 2.5 小时）')
})

test('a line with both kinds shows the sum and its parts; no 补录 at all keeps the total plain', () => {
  const c = certificate({
    rows: [{ ...certificate().rows[0], scannedHours: 3, makeupHours: 1 }],
    totalScannedHours: 3,
    totalMakeupHours: 0,
    totalHours: 3,
  })
  const v = toCertificateView(c)
  expect(v.lines[0].hours).toBe('4 小时（签到 3 + 补录 1）')
  expect(v.total).toBe('累计服务时间：3 小时')
})

test('names the person, the issuing team, the date, serial and code', () => {
  const v = toCertificateView(certificate())
  expect(v.body).toBe('兹证明 刘洋（男）参加赫山区科技志愿者队组织的科技志愿服务，记录如下：')
  expect([v.issuer, v.issuedOn, v.serial, v.code]).toEqual([
    '记录单位：赫山区科技志愿者队',
    '出具日期：2024年12月1日',
    '证明编号：ZM2024000123',
    '核验码：AB12CD34',
  ])
})
