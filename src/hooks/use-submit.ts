import { useCallback, useRef, useState } from 'react'
import type { ActionName, ReqOf, ResOf } from '../../types/api'
import type { Err, Result } from '../../types/result'
import { call } from '../services/client'

/**
 * One write at a time from a form: `busy` while it runs, the last refusal in `error` (the server's
 * Chinese message), and a second tap while busy is ignored rather than sent twice.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Err | undefined>()
  const inFlight = useRef(false)

  const submit = useCallback(
    async <A extends ActionName>(action: A, data: ReqOf<A>): Promise<Result<ResOf<A>> | null> => {
      if (inFlight.current) return null
      inFlight.current = true
      setBusy(true)
      setError(undefined)
      const r = await call(action, data)
      inFlight.current = false
      setBusy(false)
      if (!r.ok) setError(r)
      return r
    },
    [],
  )

  return { busy, error, setError, submit }
}
