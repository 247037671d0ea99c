import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import type { ReviewItem } from '../../../../../types/api'
import { Gender } from '../../../../../types/enums'
import { usePagedQuery } from '../../../../hooks/use-paged-query'
import { call } from '../../../../services/client'
import { formatDateTime } from '../../../../utils/datetime'
import { adminUrl } from '../../routes'
import { useTeamFilter } from './use-team-filter'

const PAGE_SIZE = 20
/** admin.approve takes at most 50 ids per call (types/schemas.ts). */
const APPROVE_CHUNK = 50

export const detailUrl = adminUrl.reviewDetail

export interface ReviewRow {
  id: string
  name: string
  gender: string
  /** `单位 · 职务/职称` */
  work: string
  teamName: string
  submittedAt: string
  resubmitted: boolean
  /** The revision this list showed; approval fails if the volunteer edited since. */
  revision: number
}

export const toRow = (i: ReviewItem): ReviewRow => ({
  id: i.volunteerId,
  name: i.name,
  gender: Gender.map[i.gender],
  work: `${i.employer} · ${i.position}`,
  teamName: i.team.name,
  submittedAt: formatDateTime(i.submittedAt),
  resubmitted: i.resubmitted,
  revision: i.revision,
})

/** What a batch approval did, by name, for the admin to read. */
export interface BatchOutcome {
  done: number
  failed: { id: string; name: string; message: string }[]
}

export function useReviewQueue() {
  /** The team whose subtree the queue shows; '' for everything in the caller's scope. */
  const [teamId, setTeamId] = useState('')
  const teams = useTeamFilter()
  const list = usePagedQuery('admin.reviewQueue', teamId ? { limit: PAGE_SIZE, teamId } : { limit: PAGE_SIZE })
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set())
  const [approving, setApproving] = useState(false)
  const [outcome, setOutcome] = useState<BatchOutcome | undefined>()

  usePullDownRefresh(async () => {
    await list.refresh()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  const rows = list.items.map(toRow)
  // Only rows still listed count as selected: a refresh may have removed some.
  const selected = rows.filter((r) => picked.has(r.id)).map((r) => r.id)

  function toggle(id: string) {
    setPicked((p) => {
      const next = new Set(p)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  }

  function toggleAll() {
    setPicked(selected.length === rows.length ? new Set() : new Set(rows.map((r) => r.id)))
  }

  async function approveSelected() {
    if (approving || selected.length === 0) return
    const { confirm } = await Taro.showModal({
      title: '批量通过',
      content: `确认通过选中的 ${selected.length} 条注册？通过后系统会向每位志愿者发送激活激活码。`,
      confirmText: '通过',
    })
    if (!confirm) return
    const names = new Map(rows.map((r) => [r.id, r.name]))
    const revisions = new Map(rows.map((r) => [r.id, r.revision]))
    const result: BatchOutcome = { done: 0, failed: [] }
    setApproving(true)
    for (let i = 0; i < selected.length; i += APPROVE_CHUNK) {
      const ids = selected.slice(i, i + APPROVE_CHUNK)
      const items = ids.map((volunteerId) => ({ volunteerId, revision: revisions.get(volunteerId) ?? 0 }))
      const r = await call('admin.approve', { items })
      if (r.ok) {
        result.done += r.data.done.length
        for (const f of r.data.failed)
          result.failed.push({ id: f.volunteerId, name: names.get(f.volunteerId) ?? '', message: f.message })
      } else {
        // A refused call (a single id that failed, or no connection) failed for every id it carried.
        for (const id of ids) result.failed.push({ id, name: names.get(id) ?? '', message: r.message })
      }
    }
    setApproving(false)
    setOutcome(result)
    setPicked(new Set())
    await list.refresh()
  }

  return {
    ...list,
    rows,
    teams,
    teamId,
    filterTeam: (id: string) => {
      setTeamId(id)
      setPicked(new Set())
    },
    selected,
    approving,
    outcome,
    toggle,
    toggleAll,
    approveSelected,
    dismissOutcome: () => setOutcome(undefined),
    open: (id: string) => Taro.navigateTo({ url: detailUrl(id) }),
  }
}
