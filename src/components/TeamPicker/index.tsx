import { Button, Input, ScrollView, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import type { TeamLevelItem } from '../../../types/api'
import { TeamKind } from '../../../types/enums'
import { CHILD_KINDS } from '../../../types/teams'
import { useTeamLevels, type Level } from './use-team-levels'
import './index.scss'

const SEARCH_PAUSE_MS = 400

interface Props {
  /** Browse only this team's subtree: the team itself is the first choice, its children the top level. */
  root?: { id: string; name: string }
  value: string
  /** The chosen team's name when it was chosen before this screen (a saved form). */
  valueName?: string
  onChange: (teamId: string) => void
  /** Used to open a team rather than to fill a field: no "已选择" line, and `root` itself is not offered. */
  opens?: boolean
}

/**
 * Chooses one team of the tree: level by level (下级 opens a team's children, the path above goes
 * back and keeps what was shown), or by a search on the start of the name.
 */
export function TeamPicker({ root, value, valueName, onChange, opens = false }: Props) {
  const t = useTeamLevels(root?.id)
  const [query, setQuery] = useState('')
  const [chosenName, setChosenName] = useState<string | undefined>(undefined)
  const name = chosenName ?? (value && root?.id === value ? root.name : valueName)
  const choose = (id: string, teamName: string) => {
    setChosenName(teamName)
    onChange(id)
  }
  const shown: Level = t.found ?? t.top
  // Typing searches once the user pauses; 搜索 or the keyboard's search key searches at once.
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(pending.current), [])
  const searchNow = (text: string) => {
    clearTimeout(pending.current)
    t.search(text)
  }
  const typed = (text: string) => {
    setQuery(text)
    clearTimeout(pending.current)
    if (!text.trim()) t.clearSearch()
    else pending.current = setTimeout(() => t.search(text), SEARCH_PAUSE_MS)
  }

  const row = (team: TeamLevelItem) => (
    <View
      key={team.id}
      className={`team-picker__row${team.id === value ? ' team-picker__row--on' : ''}`}
      role="option"
      aria-selected={team.id === value}
    >
      <View className="team-picker__pick" data-testid={`team-${team.id}`} onClick={() => choose(team.id, team.name)}>
        <Text className="team-picker__name">{team.name}</Text>
        <Text className="team-picker__kind">
          {TeamKind.map[team.kind]} · {team.members} 人
        </Text>
      </View>
      {!t.found && CHILD_KINDS[team.kind].length > 0 ? (
        <Button
          className="team-picker__open"
          size="mini"
          data-testid={`team-open-${team.id}`}
          onClick={() => t.open(team)}
        >
          下级
        </Button>
      ) : null}
    </View>
  )

  return (
    <View className="team-picker">
      {opens ? null : (
        <Text className="team-picker__chosen" data-testid="team-chosen">
          {value ? `已选择：${name ?? '（已选队伍）'}` : '尚未选择队伍'}
        </Text>
      )}
      <View className="team-picker__search-row">
        <Input
          className="form-input team-picker__search"
          placeholder="输入队伍名称的开头，如：赫山"
          value={query}
          confirmType="search"
          onInput={(e) => typed(e.detail.value)}
          onConfirm={() => searchNow(query)}
          data-testid="team-search"
        />
        <Button className="team-picker__go" size="mini" data-testid="team-search-go" onClick={() => searchNow(query)}>
          搜索
        </Button>
      </View>
      {t.found ? null : (
        <View className="team-picker__path" data-testid="team-path">
          {t.stack.map((l, i) => (
            <Text
              key={l.parent?.id ?? 'top'}
              className="team-picker__crumb"
              data-testid={`team-crumb-${l.parent?.id ?? 'top'}`}
              onClick={() => t.backTo(i)}
            >
              {i > 0 ? ' › ' : ''}
              {l.parent?.name ?? (root ? root.name : '全部队伍')}
            </Text>
          ))}
        </View>
      )}
      <ScrollView className="team-picker__list" scrollY>
        {root && !opens && !t.found && t.stack.length === 1 ? (
          <View className={`team-picker__row${root.id === value ? ' team-picker__row--on' : ''}`} role="option">
            <View
              className="team-picker__pick"
              data-testid={`team-${root.id}`}
              onClick={() => choose(root.id, root.name)}
            >
              <Text className="team-picker__name">{root.name}</Text>
              <Text className="team-picker__kind">本队伍</Text>
            </View>
          </View>
        ) : null}
        {shown.items.map(row)}
        {shown.error ? (
          <View className="team-picker__state" data-testid="team-error">
            <Text>{shown.error}</Text>
            <Button className="team-picker__retry" size="mini" onClick={t.retry}>
              重试
            </Button>
          </View>
        ) : shown.loading ? (
          <Text className="team-picker__state">正在加载队伍…</Text>
        ) : shown.items.length === 0 ? (
          <Text className="team-picker__state" data-testid="team-empty">
            {t.found
              ? `没有名称以“${t.found.q}”开头的队伍`
              : shown.parent
                ? '该队伍没有下级队伍'
                : '暂无队伍，请联系市科协科普部。'}
          </Text>
        ) : shown.cursor ? (
          <Button className="team-picker__more" data-testid="team-more" onClick={t.more}>
            加载更多
          </Button>
        ) : null}
      </ScrollView>
    </View>
  )
}
