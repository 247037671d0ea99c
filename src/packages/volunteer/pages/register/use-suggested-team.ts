import { useEffect, useState } from 'react'
import type { TeamNode } from '../../../../../types/api'
import { countyOf, suggestedTeam } from '../../../../../types/area-codes'
import { call } from '../../../../services/client'

/**
 * The county team of the ID number's area code: one name search on the server when the county
 * changes (the tree is loaded level by level, never whole). Null while unknown or not found; a
 * failed search only means no suggestion, the picker still works.
 */
export function useSuggestedTeam(idNumber: string): TeamNode | null {
  const county = countyOf(idNumber)
  const [found, setFound] = useState<{ county: string; team: TeamNode | null } | null>(null)
  useEffect(() => {
    if (!county) return
    let live = true
    void call('team.tree', { q: county, limit: 10 }).then((r) => {
      if (live && r.ok) setFound({ county, team: suggestedTeam(idNumber, r.data.items) })
    })
    return () => {
      live = false
    }
    // The search depends on the county only; idNumber's other digits do not change its answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [county])
  return county && found?.county === county ? found.team : null
}
