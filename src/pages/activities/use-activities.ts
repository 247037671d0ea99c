import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { ActivityListQuery, ActivitySummary, TeamNode } from '../../../types/api'
import { ActivityStatus, ActivityType, FocusTag } from '../../../types/enums'
import { usePagedQuery } from '../../hooks/use-paged-query'
import { call } from '../../services/client'
import { appUrl } from '../../routes'
import { formatMonthDay, formatTimeRange } from '../../utils/datetime'

const PAGE_SIZE = 20

export type Tab = ActivityListQuery['tab']

/** What the volunteer narrowed the list to; empty values mean "any". */
export interface Filters {
  /** A county team (its whole subtree matches). */
  teamId: string
  type: ActivityType | ''
  focus: FocusTag | ''
  /** YYYY-MM-DD, China time, inclusive. */
  from: string
  to: string
  seatsOnly: boolean
  q: string
}

export const NO_FILTERS: Filters = { teamId: '', type: '', focus: '', from: '', to: '', seatsOnly: false, q: '' }

export function hasFilters(f: Filters): boolean {
  return Boolean(f.teamId || f.type || f.focus || f.from || f.to || f.seatsOnly || f.q.trim())
}

/** The list request for a tab and filters: only what is set, the search trimmed, dates in order. */
export function toListQuery(tab: Tab, f: Filters): Omit<ActivityListQuery, 'cursor'> {
  const query: Omit<ActivityListQuery, 'cursor'> = { tab, limit: PAGE_SIZE }
  if (f.teamId) query.teamId = f.teamId
  if (f.type) query.type = f.type
  if (f.focus) query.focus = f.focus
  // Picking the days the wrong way round means the same range; the server refuses from > to.
  const [from, to] = f.from && f.to && f.from > f.to ? [f.to, f.from] : [f.from, f.to]
  if (from) query.from = from
  if (to) query.to = to
  if (f.seatsOnly) query.seatsOnly = true
  const q = f.q.trim().slice(0, 20)
  if (q) query.q = q
  return query
}

/** The county teams (区县（市）科技志愿者队) among teams of the tree, in their order. */
export function countyOptions(tree: TeamNode[]): { id: string; name: string }[] {
  return tree.filter((t) => t.kind === 'county').map((t) => ({ id: t.id, name: t.name }))
}

/** Counties sit right below a root: the roots' level, then each root's children (a page each). */
function useCounties(): { id: string; name: string }[] {
  const [counties, setCounties] = useState<{ id: string; name: string }[]>([])
  useEffect(() => {
    let live = true
    void (async () => {
      const roots = await call('team.tree', {})
      if (!roots.ok) return
      const kids = await Promise.all(roots.data.items.map((r) => call('team.tree', { parentId: r.id, limit: 50 })))
      if (live) setCounties(countyOptions(kids.flatMap((k) => (k.ok ? k.data.items : []))))
    })()
    return () => {
      live = false
    }
  }, [])
  return counties
}

export interface ActivityCard {
  id: string
  title: string
  typeLabel: string
  status: ActivitySummary['status']
  statusLabel: string
  teamName: string
  time: string
  address: string
  /** `已报名 12/30` */
  seats: string
  /** `剩余 18 个名额`, `已满 · 候补 3 人`; nothing once the activity is over. */
  seatsLeft: string
  full: boolean
}

export function toCard(a: ActivitySummary, now: Date = new Date()): ActivityCard {
  const left = Math.max(0, a.capacity - a.signedUp)
  const live = a.status === 'open'
  return {
    id: a.id,
    title: a.title,
    typeLabel: ActivityType.map[a.type],
    status: a.status,
    statusLabel: ActivityStatus.map[a.status],
    teamName: a.team.name,
    time: formatTimeRange(a.startAt, a.endAt, now),
    address: a.address,
    seats: `已报名 ${a.signedUp}/${a.capacity}`,
    seatsLeft: !live
      ? ''
      : left > 0
        ? `剩余 ${left} 个名额`
        : a.waiting > 0
          ? `已满 · 候补 ${a.waiting} 人`
          : '已满 · 可候补',
    full: left === 0,
  }
}

const label = (labels: { map: Record<string, string> }, value: string, any: string) => (value ? labels.map[value] : any)
const day = formatMonthDay

/** The words on each filter control, so the page only lays them out. */
export function filterLabels(f: Filters, counties: { id: string; name: string }[]) {
  return {
    county: f.teamId ? (counties.find((c) => c.id === f.teamId)?.name ?? '已选区县') : '全部区县',
    type: label(ActivityType, f.type, '全部类型'),
    focus: label(FocusTag, f.focus, '全部重点'),
    from: f.from ? `${day(f.from)}起` : '开始日期',
    to: f.to ? `至${day(f.to)}` : '结束日期',
  }
}

export function useActivities() {
  const [tab, setTab] = useState<Tab>('upcoming')
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  // What is typed in the search box; it filters once confirmed, not on every keystroke.
  const [search, setSearch] = useState('')
  const list = usePagedQuery('activity.list', toListQuery(tab, filters))
  const counties = useCounties()

  usePullDownRefresh(async () => {
    await list.refresh()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    void list.loadMore()
  })

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }))

  return {
    ...list,
    tab,
    setTab,
    filters,
    set,
    search,
    setSearch,
    applySearch: () => set('q', search),
    clearFilters: () => {
      setFilters(NO_FILTERS)
      setSearch('')
    },
    filtered: hasFilters(filters),
    counties,
    labels: filterLabels(filters, counties),
    cards: list.items.map((a) => toCard(a)),
    open: (id: string) => Taro.navigateTo({ url: appUrl.activity(id) }),
  }
}
