import { useState } from 'react'
import { useQuery } from '../../../../hooks/use-query'
import { defaultPeriodId } from '../../pages/forms/forms-view'

/** The reporting periods to choose from; the current one is picked until the admin picks another. */
export function usePeriodChoice() {
  const q = useQuery('admin.periods', {})
  const [picked, setPicked] = useState<string | null>(null)
  const periods = q.data ?? []
  const periodId = picked ?? defaultPeriodId(periods)
  return { ...q, periods, periodId, pick: setPicked }
}
