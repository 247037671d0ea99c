import { Button, Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Loading } from '../../../../components/PageState'
import { MemberPicker } from '../../components/MemberPicker'
import { useParam } from '../../../../hooks/use-param'
import { useLeaders } from './use-leaders'
import { busyProps } from '../../../../utils/flag'
import './index.scss'

function LeadersForm({ teamId }: { teamId: string }) {
  const s = useLeaders(teamId)

  if (!s.choice || !s.titles) {
    if (s.loadError && !s.loading) return <ErrorState message={s.loadError.message} onRetry={s.reload} />
    return <Loading />
  }
  const { choice, titles } = s
  const isLeader = (id: string) => choice.leader?.volunteerId === id
  const isDeputy = (id: string) => choice.deputies.some((d) => d.volunteerId === id)

  return (
    <View className="leaders">
      <Text className="section-title">{s.teamName}</Text>
      <View className="card" data-testid="chosen">
        <View className="leaders__row">
          <Text className="leaders__label">{titles.leader}</Text>
          {choice.leader ? (
            <View className="leaders__tag" onClick={() => s.setLeader(null)}>
              <Text>{choice.leader.name} ×</Text>
            </View>
          ) : (
            <Text className="leaders__none">未选择</Text>
          )}
        </View>
        <View className="leaders__row leaders__row--wrap">
          <Text className="leaders__label">{titles.deputy}</Text>
          {choice.deputies.length === 0 ? <Text className="leaders__none">未选择</Text> : null}
          {choice.deputies.map((d) => (
            <View className="leaders__tag" key={d.volunteerId} onClick={() => s.toggleDeputy(d)}>
              <Text>{d.name} ×</Text>
            </View>
          ))}
        </View>
        {s.guide ? (
          <Text className="leaders__guide" data-testid="guide">
            {s.guide}（通知要求）。点姓名可移除。
          </Text>
        ) : (
          <Text className="leaders__guide">点姓名可移除。</Text>
        )}
        {s.warnings.map((w) => (
          <Text key={w} className="leaders__warning">
            {w}
          </Text>
        ))}
        {s.message ? (
          <Text className="leaders__error" data-testid="form-error">
            {s.message}
          </Text>
        ) : null}
        <Button className="leaders__save" type="primary" {...busyProps(s.busy)} onClick={s.save}>
          {s.busy ? '保存中…' : '保存'}
        </Button>
      </View>

      <Text className="section-title">从成员中选择（须为已激活的志愿者）</Text>
      <View className="card">
        <MemberPicker
          teamId={teamId}
          actions={(m) => (
            <>
              {isLeader(m.volunteerId) ? (
                <Text className="leaders__state">{titles.leader}</Text>
              ) : (
                <Button className="leaders__pick" size="mini" onClick={() => s.setLeader(m)}>
                  设为{titles.leader}
                </Button>
              )}
              <Button className="leaders__pick" size="mini" onClick={() => s.toggleDeputy(m)}>
                {isDeputy(m.volunteerId) ? `取消${titles.deputy}` : `设为${titles.deputy}`}
              </Button>
            </>
          )}
        />
      </View>
    </View>
  )
}

/** Sets the team's leader and deputies (支队长/副支队长, 队长/副队长) from its members. */
export default function TeamLeadersPage() {
  const teamId = useParam('id')
  if (!teamId) return <EmptyState title="未指定队伍" hint="请从队伍页面进入。" />
  return <LeadersForm teamId={teamId} />
}
