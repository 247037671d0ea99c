import { Button, Input, ScrollView, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { TeamNode } from '../../../types/api'
import { TeamKind } from '../../../types/enums'
import { filterTeams } from './filter'
import './index.scss'

interface Props {
  teams: TeamNode[] | undefined
  loading: boolean
  /** Why the tree could not be loaded; offers 重试. */
  error?: string
  onRetry: () => void
  value: string
  onChange: (teamId: string) => void
}

/** Chooses one team of the tree: a search box over the names, the hierarchy shown by indentation. */
export function TeamPicker({ teams, loading, error, onRetry, value, onChange }: Props) {
  const [query, setQuery] = useState('')

  if (!teams) {
    if (error && !loading) {
      return (
        <View className="team-picker__state" data-testid="team-error">
          <Text>{error}</Text>
          <Button className="team-picker__retry" size="mini" onClick={onRetry}>
            重试
          </Button>
        </View>
      )
    }
    return <Text className="team-picker__state">正在加载队伍…</Text>
  }
  if (teams.length === 0) return <Text className="team-picker__state">暂无可加入的队伍，请联系市科协科普部。</Text>

  const chosen = teams.find((t) => t.id === value)
  const rows = filterTeams(teams, query)
  return (
    <View className="team-picker">
      <Text className="team-picker__chosen" data-testid="team-chosen">
        {chosen ? `已选择：${chosen.name}` : '尚未选择队伍'}
      </Text>
      <Input
        className="form-input team-picker__search"
        placeholder="搜索队伍名称，如：赫山"
        value={query}
        onInput={(e) => setQuery(e.detail.value)}
        data-testid="team-search"
      />
      <ScrollView className="team-picker__list" scrollY>
        {rows.length === 0 ? (
          <Text className="team-picker__state">没有名称包含“{query.trim()}”的队伍</Text>
        ) : (
          rows.map((t) => (
            <View
              key={t.id}
              className={`team-picker__row${t.id === value ? ' team-picker__row--on' : ''}${t.context ? ' team-picker__row--context' : ''}`}
              style={{ paddingLeft: `${12 + t.depth * 16}px` }}
              role="option"
              aria-selected={t.id === value}
              data-testid={`team-${t.id}`}
              onClick={() => onChange(t.id)}
            >
              <Text className="team-picker__name">{t.name}</Text>
              <Text className="team-picker__kind">{TeamKind.map[t.kind]}</Text>
            </View>
          ))
        )}
      </ScrollView>
    </View>
  )
}
