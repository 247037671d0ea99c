import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { TeamKind } from '../../../../../types/enums'
import { schemas, validate, type Invalid } from '../../../../../types/schemas'
import { CHILD_KINDS } from '../../../../../types/teams'
import { useQuery } from '../../../../hooks/use-query'
import { useSubmit } from '../../../../hooks/use-submit'

export type EditTarget = { mode: 'create'; parentId: string } | { mode: 'rename'; teamId: string }

/**
 * 新建下级队伍 under `parentId` (only the kinds the notice allows there) or 修改名称 of `teamId`,
 * checked with the same schema the team function applies.
 */
export function useTeamEdit(target: EditTarget) {
  const teamId = target.mode === 'create' ? target.parentId : target.teamId
  const page = useQuery('team.page', { teamId })
  const [name, setName] = useState('')
  const [kind, setKind] = useState<TeamKind | ''>('')
  const [invalid, setInvalid] = useState<Invalid | undefined>()
  const [prefilled, setPrefilled] = useState(false)
  const { busy, error, submit } = useSubmit()

  const team = page.data?.team
  const kinds = team && target.mode === 'create' ? CHILD_KINDS[team.kind] : []

  useEffect(() => {
    if (!team || prefilled) return
    setPrefilled(true)
    if (target.mode === 'rename') setName(team.name)
    // A single allowed kind (a county's township teams, a society's specialty teams) needs no choice.
    else if (CHILD_KINDS[team.kind].length === 1) setKind(CHILD_KINDS[team.kind][0])
  }, [team, prefilled, target.mode])

  function refuse(r: Invalid) {
    setInvalid({ field: r.field, message: r.field === 'kind' ? '请选择队伍类型' : r.message })
  }

  async function save() {
    let r
    if (target.mode === 'create') {
      const checked = validate(schemas['team.create'], { parentId: target.parentId, name, kind: kind || undefined })
      if (!checked.ok) return refuse(checked)
      setInvalid(undefined)
      r = await submit('team.create', checked.value)
    } else {
      const checked = validate(schemas['team.rename'], { teamId: target.teamId, name })
      if (!checked.ok) return refuse(checked)
      setInvalid(undefined)
      r = await submit('team.rename', checked.value)
    }
    if (r?.ok) {
      void Taro.showToast({ title: target.mode === 'create' ? '已创建' : '已保存', icon: 'success' })
      void Taro.navigateBack()
    }
  }

  // Messages about the name or the kind sit under that field; any other refusal under the form.
  const isField = (f: string | undefined): f is 'name' | 'kind' => f === 'name' || f === 'kind'
  const serverField = error?.code === 'INVALID_INPUT' && isField(error.field) ? error.field : undefined
  const fieldError = (field: 'name' | 'kind') =>
    invalid?.field === field ? invalid.message : serverField === field ? error?.message : undefined
  const formError = invalid
    ? isField(invalid.field)
      ? undefined
      : invalid.message
    : serverField
      ? undefined
      : error?.message

  return {
    loading: page.loading,
    loadError: page.error,
    reload: page.reload,
    team,
    kindOptions: kinds.map((k) => ({ value: k, label: TeamKind.map[k] })),
    name,
    setName,
    kind,
    setKind,
    nameError: fieldError('name'),
    kindError: fieldError('kind'),
    /** A refusal not tied to a field (FORBIDDEN, NOT_IN_SCOPE, a network failure). */
    formError,
    busy,
    save,
  }
}
