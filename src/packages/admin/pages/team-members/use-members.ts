import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { MemberItem } from '../../../../../types/api'
import { Gender } from '../../../../../types/enums'
import { usePagedQuery } from '../../../../hooks/use-paged-query'

const PAGE_SIZE = 20

export interface MemberCard {
  id: string
  name: string
  gender: string
  /** 单位 · 职务/职称 */
  work: string
  mobile: string
  team: string
}

export function toMemberCard(m: MemberItem): MemberCard {
  return {
    id: m.volunteerId,
    name: m.name,
    gender: Gender.map[m.gender],
    work: [m.employer, m.position].filter(Boolean).join(' · '),
    mobile: m.mobileMasked,
    team: m.team.name,
  }
}

export function useMembers(teamId: string) {
  const list = usePagedQuery('team.members', { teamId, limit: PAGE_SIZE })
  usePullDownRefresh(async () => {
    await list.refresh()
    Taro.stopPullDownRefresh()
  })
  useReachBottom(() => {
    void list.loadMore()
  })
  return { ...list, cards: list.items.map(toMemberCard) }
}
