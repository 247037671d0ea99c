import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { MemberItem } from '../../../../../types/api'
import { schemas, validate } from '../../../../../types/schemas'
import { leaderWarnings } from '../../../../../types/teams'
import { useQuery } from '../../../../hooks/use-query'
import { deputyGuide, leaderTitles } from '../../labels'
import { useSubmit } from '../../../../hooks/use-submit'

export interface LeaderChoice {
  leader: MemberItem | null
  deputies: MemberItem[]
}

/** Making someone the leader takes them off the deputies, and the other way round: one post each. */
export function chooseLeader(c: LeaderChoice, m: MemberItem | null): LeaderChoice {
  return { leader: m, deputies: m ? c.deputies.filter((d) => d.volunteerId !== m.volunteerId) : c.deputies }
}

export function toggleDeputy(c: LeaderChoice, m: MemberItem): LeaderChoice {
  if (c.deputies.some((d) => d.volunteerId === m.volunteerId)) {
    return { ...c, deputies: c.deputies.filter((d) => d.volunteerId !== m.volunteerId) }
  }
  return {
    leader: c.leader?.volunteerId === m.volunteerId ? null : c.leader,
    deputies: [...c.deputies, m],
  }
}

export function useLeaders(teamId: string) {
  const page = useQuery('team.page', { teamId })
  const [choice, setChoice] = useState<LeaderChoice | null>(null)
  const [invalid, setInvalid] = useState<string | undefined>()
  const { busy, error, submit } = useSubmit()

  // Start from the leaders on record once; a later reload must not undo choices in progress.
  useEffect(() => {
    if (page.data && !choice) setChoice({ leader: page.data.leader, deputies: page.data.deputies })
  }, [page.data, choice])

  const kind = page.data?.team.kind
  const titles = kind ? leaderTitles(kind) : null

  async function save() {
    if (!choice) return
    const payload = {
      teamId,
      leaderId: choice.leader?.volunteerId ?? null,
      deputyIds: choice.deputies.map((d) => d.volunteerId),
    }
    const checked = validate(schemas['team.setLeaders'], payload)
    if (!checked.ok) {
      setInvalid(checked.message)
      return
    }
    setInvalid(undefined)
    const r = await submit('team.setLeaders', checked.value)
    if (r?.ok) {
      void Taro.showToast({ title: '已保存', icon: 'success' })
      void Taro.navigateBack()
    }
  }

  return {
    loading: page.loading,
    loadError: page.error,
    reload: page.reload,
    teamName: page.data?.team.name,
    titles,
    guide: kind ? deputyGuide(kind) : null,
    choice,
    /** The notice says "一般": shown while choosing, never blocking. */
    warnings: kind && choice ? leaderWarnings(kind, choice.leader !== null, choice.deputies.length) : [],
    message: invalid ?? error?.message,
    busy,
    setLeader: (m: MemberItem | null) => setChoice((c) => c && chooseLeader(c, m)),
    toggleDeputy: (m: MemberItem) => setChoice((c) => c && toggleDeputy(c, m)),
    save,
  }
}
