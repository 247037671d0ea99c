import { Button, Input, Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import type { MemberItem } from '../../../../../types/api'
import { ErrorState } from '../../../../components/PageState'
import { usePagedQuery } from '../../../../hooks/use-paged-query'
import './index.scss'

/** Larger than a list page: choosing someone mostly happens among the first pages. */
const PAGE_SIZE = 50

interface Props {
  teamId: string
  /** The buttons (or state text) of one member's row. */
  actions: (member: MemberItem) => ReactNode
}

/** Members already loaded whose name contains the query; the server has no name search. */
export function filterMembers(items: MemberItem[], query: string): MemberItem[] {
  const q = query.trim()
  return q ? items.filter((m) => m.name.includes(q)) : items
}

/**
 * Chooses among a team's members (its subtree's, masked): a name search over the pages loaded so far
 * and 加载更多 for the next page.
 */
export function MemberPicker({ teamId, actions }: Props) {
  const list = usePagedQuery('team.members', { teamId, limit: PAGE_SIZE })
  const [query, setQuery] = useState('')

  if (list.loading) return <Text className="member-picker__state">正在加载成员…</Text>
  if (list.error && list.items.length === 0) return <ErrorState message={list.error.message} onRetry={list.refresh} />
  if (list.items.length === 0) {
    return <Text className="member-picker__state">本队伍还没有已激活的成员，成员激活后可在这里选择。</Text>
  }

  const rows = filterMembers(list.items, query)
  return (
    <View className="member-picker" data-testid="member-picker">
      <Input
        className="form-input member-picker__search"
        placeholder="输入姓名搜索"
        value={query}
        onInput={(e) => setQuery(e.detail.value)}
        data-testid="member-search"
      />
      {list.hasMore ? (
        <Text className="member-picker__note">在已加载的 {list.items.length} 人中搜索，找不到可加载更多</Text>
      ) : null}
      {rows.length === 0 ? <Text className="member-picker__state">已加载的成员中没有“{query.trim()}”</Text> : null}
      {rows.map((m) => (
        <View className="member-picker__row" key={m.volunteerId} data-testid={`member-${m.volunteerId}`}>
          <View className="member-picker__who">
            <Text className="member-picker__name">{m.name}</Text>
            <Text className="member-picker__meta">
              {[m.employer, m.position].filter(Boolean).join(' · ')}
              {m.team.id !== teamId ? ` · ${m.team.name}` : ''}
            </Text>
          </View>
          <View className="member-picker__actions">{actions(m)}</View>
        </View>
      ))}
      <View className="member-picker__footer">
        {list.loadingMore ? (
          <Text>加载中…</Text>
        ) : list.moreError ? (
          <>
            <Text>{list.moreError.message}</Text>
            <Button size="mini" onClick={list.loadMore}>
              重试
            </Button>
          </>
        ) : list.hasMore ? (
          <Button size="mini" onClick={list.loadMore}>
            加载更多成员
          </Button>
        ) : (
          <Text>已显示全部 {list.items.length} 名成员</Text>
        )}
      </View>
    </View>
  )
}
