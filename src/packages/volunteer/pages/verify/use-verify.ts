import { useState } from 'react'
import type { CertificateCheck } from '../../../../../types/api'
import { useParam } from '../../../../hooks/use-param'
import { useSubmit } from '../../../../hooks/use-submit'
import { checkVerify, type VerifyErrors } from './verify-form'

/** 核验服务记录证明: anyone types a serial and code and learns whether the certificate is genuine. */
export function useVerify() {
  const [serial, setSerial] = useState(useParam('serial') ?? '')
  const [code, setCode] = useState('')
  const [errors, setErrors] = useState<VerifyErrors>({})
  const [result, setResult] = useState<CertificateCheck | null>(null)
  const { busy, error, submit } = useSubmit()

  async function verify() {
    const checked = checkVerify(serial, code)
    setResult(null)
    if (!checked.ok) return setErrors(checked.errors)
    setErrors({})
    const r = await submit('report.verifyCertificate', { serial: checked.serial, code: checked.code })
    if (r?.ok) setResult(r.data)
  }

  return {
    serial,
    code,
    setSerial: (s: string) => {
      setSerial(s)
      setResult(null)
    },
    setCode: (c: string) => {
      setCode(c)
      setResult(null)
    },
    errors,
    result,
    busy,
    requestError: error?.message,
    verify,
  }
}
