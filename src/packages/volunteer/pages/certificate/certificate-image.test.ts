import { certificate } from '../../../../../test/support/report-fixtures'
import { certificateDrawing, wrap } from './certificate-image'
import { toCertificateView } from './certificate-view'

test('the image carries every line of the page, 补录 in its own colour', () => {
  const d = certificateDrawing(toCertificateView(certificate()))
  const texts = d.runs.map((r) => r.text).join('\n')
  expect(texts).toContain('志愿服务记录证明')
  expect(texts).toContain('证明编号：ZM2024000123')
  expect(texts).toContain('核验码：AB12CD34')
  const makeup = d.runs.find((r) => r.text.includes('2.5 小时（补录）'))!
  const scanned = d.runs.find((r) => r.text.includes('3 小时（签到）'))!
  expect(makeup.color).not.toBe(scanned.color)
})

test('grows with the rows and wraps long text inside the width', () => {
  const one = certificateDrawing(toCertificateView(certificate({ rows: certificate().rows.slice(0, 1) })))
  const two = certificateDrawing(toCertificateView(certificate()))
  expect(two.height).toBeGreaterThan(one.height)
  expect(wrap('一二三四五', 2)).toEqual(['一二', '三四', '五'])
})
