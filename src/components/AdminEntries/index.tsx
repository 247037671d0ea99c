import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RoleGrant } from '../../../types/api'
import { Role } from '../../../types/enums'
import './index.scss'

/**
 * The team page lives in the admin subpackage; a literal path keeps this main-package component from
 * importing anything of the subpackage. Without an id the page opens the caller's own teams.
 */
const TEAM_PAGE = '/packages/admin/pages/team/index'

export interface TeamEntry {
  key: string
  title: string
  hint: string
  url: string
}

/** One entry per team the caller holds a role in (several roles on one team share it); the owner's opens the root. */
export function teamEntries(roles: RoleGrant[]): TeamEntry[] {
  const entries: TeamEntry[] = []
  if (roles.some((g) => g.role === 'owner')) {
    entries.push({
      key: 'owner',
      title: '全部队伍',
      hint: `${Role.map.owner} · 从市支队起管理各级队伍`,
      url: TEAM_PAGE,
    })
  }
  const byTeam = new Map<string, { name: string; roles: string[] }>()
  for (const g of roles) {
    if (g.role === 'owner') continue
    const e = byTeam.get(g.team.id) ?? { name: g.team.name, roles: [] }
    e.roles.push(Role.map[g.role])
    byTeam.set(g.team.id, e)
  }
  for (const [id, e] of byTeam) {
    entries.push({
      key: id,
      title: e.name,
      hint: `${e.roles.join('、')} · 查看队伍、成员与报送进度`,
      url: `${TEAM_PAGE}?id=${encodeURIComponent(id)}`,
    })
  }
  return entries
}

/** "我的队伍" on 我的: an entry per team of the caller's role grants. Renders nothing for volunteers. */
export function AdminEntries({ roles }: { roles: RoleGrant[] }) {
  const entries = teamEntries(roles)
  if (entries.length === 0) return null
  return (
    <>
      <Text className="section-title">我的队伍</Text>
      <View className="card admin-entries" data-testid="admin-entries">
        {entries.map((e) => (
          <Button
            className="admin-entries__item"
            key={e.key}
            data-testid={`team-entry-${e.key}`}
            onClick={() => Taro.navigateTo({ url: e.url })}
          >
            <Text className="admin-entries__title">{e.title}</Text>
            <Text className="admin-entries__hint">{e.hint}</Text>
          </Button>
        ))}
      </View>
    </>
  )
}
