import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { DeadlineState, RoleGrant, TeamNode, TeamPage, TeamRef } from '../../../../../types/api'
import { FocusTag, TeamKind } from '../../../../../types/enums'
import type { Err } from '../../../../../types/result'
import { CHILD_KINDS } from '../../../../../types/teams'
import { useQuery } from '../../../../hooks/use-query'
import { call } from '../../../../services/client'
import { DEADLINE_STATE, deputyGuide, leaderTitles } from '../../labels'
import { formatDate as formatDay } from '../../../../utils/datetime'
import { adminUrl } from '../../routes'

export interface TeamAction {
  key: 'members' | 'create' | 'rename' | 'roles' | 'import' | 'forms' | 'dashboard' | 'periods'
  label: string
  url: string
}

export interface TeamScreen {
  name: string
  kindLabel: string
  /** Ancestors, root first; the team itself is the title. */
  ancestors: TeamRef[]
  /** "现有 12 人 · 首批目标 20 人 · 2020-12-31 前 50 人", or "现有 12 人" when the period sets no target. */
  membersLine: string
  /** Percentages of the goal; null without a target. */
  progress: { percent: number; foundingMark: number; reachedFounding: boolean } | null
  warnings: string[]
  leaderTitle: string
  leaderName: string | null
  deputyTitle: string
  deputyNames: string[]
  /** "副支队长一般 3–5 名" */
  deputyGuide: string | null
  period: {
    name: string
    deadlines: { key: string; label: string; due: string; state: DeadlineState; stateLabel: string }[]
  } | null
  /** "尚未开展：结合…、结合…", or null when every focus is covered. */
  focusMissing: string | null
  children: { id: string; name: string; kindLabel: string; members: number }[]
  /** More children than the page lists: they are browsed and searched below it. */
  moreChildren: boolean
  canManage: boolean
  actions: TeamAction[]
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 100)

export function toTeamScreen(p: TeamPage): TeamScreen {
  const titles = leaderTitles(p.team.kind)
  const t = p.target
  const id = p.team.id
  const actions: TeamAction[] = p.can.manage
    ? [
        { key: 'members', label: '成员名单', url: adminUrl.members(id) },
        ...(CHILD_KINDS[p.team.kind].length
          ? [{ key: 'create' as const, label: '新建下级队伍', url: adminUrl.createTeam(id) }]
          : []),
        { key: 'rename', label: '修改名称', url: adminUrl.renameTeam(id) },
        { key: 'roles', label: '任命管理', url: adminUrl.roles(id) },
        { key: 'import', label: '集体注册', url: adminUrl.import(id) },
        { key: 'forms', label: '报表', url: adminUrl.forms(id) },
        { key: 'dashboard', label: '数据看板', url: adminUrl.dashboard(id) },
        // Periods are the city's: the owner anywhere, and whoever manages the root (its admins).
        ...(p.can.appointAdmins || p.team.parentId === null
          ? [{ key: 'periods' as const, label: '报送周期', url: adminUrl.periods() }]
          : []),
      ]
    : []
  return {
    name: p.team.name,
    kindLabel: TeamKind.map[p.team.kind],
    ancestors: p.breadcrumb.filter((b) => b.id !== id),
    membersLine: t
      ? `现有 ${p.members} 人 · 首批目标 ${t.founding} 人 · ${t.goalDate} 前 ${t.goal} 人`
      : `现有 ${p.members} 人`,
    progress: t
      ? {
          percent: percent(p.members, t.goal),
          foundingMark: percent(t.founding, t.goal),
          reachedFounding: p.members >= t.founding,
        }
      : null,
    warnings: p.warnings,
    leaderTitle: titles.leader,
    leaderName: p.leader?.name ?? null,
    deputyTitle: titles.deputy,
    deputyNames: p.deputies.map((d) => d.name),
    deputyGuide: deputyGuide(p.team.kind),
    period: p.period && {
      name: p.period.name,
      deadlines: p.period.deadlines.map((d) => ({
        key: d.key,
        label: d.label,
        due: formatDay(d.due),
        state: d.state,
        stateLabel: DEADLINE_STATE[d.state],
      })),
    },
    focusMissing: p.focusMissing.length ? `尚未开展：${p.focusMissing.map((f) => FocusTag.map[f]).join('、')}` : null,
    children: p.children.map((c) => ({ id: c.id, name: c.name, kindLabel: TeamKind.map[c.kind], members: c.members })),
    moreChildren: p.moreChildren,
    canManage: p.can.manage,
    actions,
  }
}

export function useTeam(teamId: string) {
  const q = useQuery('team.page', { teamId })
  usePullDownRefresh(async () => {
    await q.reload()
    Taro.stopPullDownRefresh()
  })
  return {
    loading: q.loading,
    error: q.error,
    screen: q.data ? toTeamScreen(q.data) : undefined,
    reload: q.reload,
    open: (url: string) => Taro.navigateTo({ url }),
    /** Up the tree replaces this page, so walking the breadcrumb does not pile pages up. */
    openAncestor: (id: string) => Taro.redirectTo({ url: adminUrl.team(id) }),
    openChild: (id: string) => Taro.navigateTo({ url: adminUrl.team(id) }),
    editLeaders: () => Taro.navigateTo({ url: adminUrl.leaders(teamId) }),
  }
}

/** The teams the caller's grants open, one per team; an owner's grant opens the root(s). */
export function grantTeams(roles: RoleGrant[], roots: TeamNode[]): TeamRef[] {
  const out = new Map<string, TeamRef>()
  if (roles.some((g) => g.role === 'owner'))
    for (const r of roots) out.set(r.id, { id: r.id, name: r.name, kind: r.kind })
  for (const g of roles) if (g.role !== 'owner') out.set(g.team.id, g.team)
  return [...out.values()]
}

/**
 * The team page opened without an id (from 我的): the teams of the caller's role grants. An owner's
 * grant names no team, so the tree is asked for its root.
 */
export function useMyTeams() {
  const me = useQuery('volunteer.me', {})
  const isOwner = me.data?.roles.some((g) => g.role === 'owner') ?? false
  const [roots, setRoots] = useState<{ teams?: TeamNode[]; error?: Err }>({})
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (!isOwner) return
    let live = true
    // The top level of the tree: its roots.
    void call('team.tree', {}).then((r) => {
      if (!live) return
      setRoots(r.ok ? { teams: r.data.items } : { error: r })
    })
    return () => {
      live = false
    }
  }, [isOwner, attempt])

  const waitingForRoots = isOwner && !roots.teams
  return {
    loading: me.loading || (waitingForRoots && !roots.error),
    error: me.error ?? (waitingForRoots ? roots.error : undefined),
    teams: me.data && !waitingForRoots ? grantTeams(me.data.roles, roots.teams ?? []) : undefined,
    reload: () => {
      setRoots({})
      setAttempt((n) => n + 1)
      return me.reload()
    },
    openTeam: (id: string) => Taro.navigateTo({ url: adminUrl.team(id) }),
  }
}
