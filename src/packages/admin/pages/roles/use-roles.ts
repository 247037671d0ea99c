import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { MemberItem, RoleItem, TeamPage } from '../../../../../types/api'
import { Role } from '../../../../../types/enums'
import { schemas, validate } from '../../../../../types/schemas'
import { useQuery } from '../../../../hooks/use-query'
import { useSubmit } from '../../../../hooks/use-submit'
import { DANGER } from '../../../../styles/colors'

export type GrantableRole = 'organizer' | 'admin'

/** 组织者 for whoever manages the team; 管理员 only for the owner (the notice's city 科协). */
export function grantableRoles(can: TeamPage['can']): { value: GrantableRole; label: string }[] {
  return [
    ...(can.appointOrganizers ? [{ value: 'organizer' as const, label: Role.map.organizer }] : []),
    ...(can.appointAdmins ? [{ value: 'admin' as const, label: Role.map.admin }] : []),
  ]
}

/** Revoking follows appointing: organizers by the team's managers, administrators by the owner. */
export function canRevoke(item: RoleItem, can: TeamPage['can']): boolean {
  if (item.role === 'organizer') return can.manage
  if (item.role === 'admin') return can.appointAdmins
  return false
}

export function useRoles(teamId: string) {
  const page = useQuery('team.page', { teamId })
  const roles = useQuery('admin.roles', { teamId })
  const revoking = useSubmit()
  const granting = useSubmit()
  const [person, setPerson] = useState<MemberItem | null>(null)
  const [role, setRole] = useState<GrantableRole | ''>('')
  const [grantTeam, setGrantTeam] = useState(teamId)
  const [invalid, setInvalid] = useState<string | undefined>()

  const can = page.data?.can
  const roleOptions = can ? grantableRoles(can) : []
  const chosenRole: GrantableRole | '' = role || (roleOptions.length === 1 ? roleOptions[0].value : '')

  async function revoke(item: RoleItem) {
    const label = Role.map[item.role]
    const { confirm } = await Taro.showModal({
      title: '撤销任命',
      content: `确定撤销${item.name}在“${item.team.name}”的${label}任命？`,
      confirmText: '撤销',
      confirmColor: DANGER,
    })
    if (!confirm) return
    const r = await revoking.submit('admin.revokeRole', { roleId: item.id })
    if (r?.ok) {
      void Taro.showToast({ title: '已撤销', icon: 'success' })
      void roles.reload()
    }
  }

  async function grant() {
    if (!person) {
      setInvalid('请先从成员中选择要任命的人')
      return
    }
    const checked = validate(schemas['admin.grantRole'], {
      volunteerId: person.volunteerId,
      role: chosenRole || undefined,
      teamId: grantTeam,
    })
    if (!checked.ok) {
      setInvalid(checked.field === 'role' ? '请选择角色' : checked.message)
      return
    }
    setInvalid(undefined)
    const r = await granting.submit('admin.grantRole', checked.value)
    if (r?.ok) {
      void Taro.showToast({ title: '已任命', icon: 'success' })
      setPerson(null)
      void roles.reload()
    }
  }

  return {
    loading: page.loading || roles.loading,
    loadError: page.error ?? roles.error,
    reload: () => Promise.all([page.reload(), roles.reload()]),
    team: page.data?.team,
    can,
    items: roles.data,
    revoke,
    revokeError: revoking.error?.message,
    roleOptions,
    person,
    choose: (m: MemberItem) => {
      setPerson(m)
      setInvalid(undefined)
    },
    clearPerson: () => setPerson(null),
    role: chosenRole,
    setRole,
    grantTeam,
    setGrantTeam,
    grant,
    granting: granting.busy,
    grantError: invalid ?? granting.error?.message,
  }
}
