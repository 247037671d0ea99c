/** The verification form checked with the contract's schemas, so a typo is named before anything is sent. */
import * as v from 'valibot'
import type { CertificateCheck } from '../../../../../types/api'
import { certificateCode, certificateSerial } from '../../../../../types/schemas/report'
import { formatDate } from '../../../../utils/datetime'

export type VerifyErrors = Partial<Record<'serial' | 'code', string>>

export function checkVerify(
  serial: string,
  code: string,
): { ok: true; serial: string; code: string } | { ok: false; errors: VerifyErrors } {
  const s = v.safeParse(certificateSerial, serial)
  const c = v.safeParse(certificateCode, code)
  if (s.success && c.success) return { ok: true, serial: s.output, code: c.output }
  const errors: VerifyErrors = {}
  if (!s.success) errors.serial = s.issues[0].message
  if (!c.success) errors.code = c.issues[0].message
  return { ok: false, errors }
}

/** What the public may read of a genuine certificate, as lines to compare with the paper. */
export function checkLines(c: CertificateCheck): string[] {
  if (!c.valid) return []
  return [
    `证明编号：${c.serial ?? ''}`,
    `志愿者：${c.nameMasked ?? ''}`,
    `记录单位：${c.issuer?.name ?? ''}`,
    `服务记录：${c.rows ?? 0} 项，累计 ${Number((c.totalHours ?? 0).toFixed(2))} 小时`,
    `出具日期：${c.issuedOn ? formatDate(c.issuedOn) : ''}`,
  ]
}
