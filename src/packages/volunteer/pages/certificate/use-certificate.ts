import { useState } from 'react'
import type { Certificate } from '../../../../../types/api'
import { useQuery } from '../../../../hooks/use-query'
import { useSubmit } from '../../../../hooks/use-submit'

/** 服务记录证明: the teams that can certify the caller's service, and the certificate asked of one. */
export function useCertificate() {
  const issuers = useQuery('report.certificateIssuers', {})
  const [issuerId, setIssuerId] = useState<string | null>(null)
  const [certificate, setCertificate] = useState<Certificate | null>(null)
  const { busy, error, submit } = useSubmit()
  const list = issuers.data ?? []
  // With one team to ask, it is chosen already.
  const chosen = issuerId ?? (list.length === 1 ? list[0].id : null)

  async function request() {
    if (!chosen) return
    const r = await submit('report.certificate', { teamId: chosen })
    if (r?.ok) setCertificate(r.data)
  }

  return {
    ...issuers,
    issuers: issuers.data,
    chosen,
    choose: setIssuerId,
    request,
    busy,
    requestError: error?.message,
    certificate,
    /** Back to choosing, the certificate shown so far dropped. */
    back: () => setCertificate(null),
  }
}
