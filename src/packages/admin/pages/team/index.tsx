import { Button, Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Loading, StaleNotice } from '../../../../components/PageState'
import { TeamPicker } from '../../../../components/TeamPicker'
import { useParam } from '../../../../hooks/use-param'
import { useMyTeams, useTeam } from './use-team'
import './index.scss'

function TeamView({ teamId }: { teamId: string }) {
  const { loading, error, screen, reload, open, openAncestor, openChild, editLeaders } = useTeam(teamId)

  if (!screen) {
    if (error && !loading) return <ErrorState message={error.message} onRetry={reload} />
    return <Loading />
  }

  return (
    <View className="team">
      {error ? <StaleNotice message={error.message} onRetry={reload} /> : null}

      {screen.ancestors.length ? (
        <View className="team__crumbs" data-testid="breadcrumb">
          {screen.ancestors.map((a) => (
            <Text key={a.id} className="team__crumb" onClick={() => openAncestor(a.id)}>
              {a.name} ›
            </Text>
          ))}
        </View>
      ) : null}

      <View className="card team__head">
        <Text className="team__name">{screen.name}</Text>
        <Text className="team__kind" data-testid="team-kind">
          {screen.kindLabel}
        </Text>
        <Text className="team__members" data-testid="members-line">
          {screen.membersLine}
        </Text>
        {screen.progress ? (
          <View className="team__bar" data-testid="progress">
            <View
              className={`team__bar-fill${screen.progress.reachedFounding ? ' team__bar-fill--ok' : ''}`}
              style={{ width: `${screen.progress.percent}%` }}
            />
            <View className="team__bar-mark" style={{ left: `${screen.progress.foundingMark}%` }} />
          </View>
        ) : null}
      </View>

      {screen.warnings.length ? (
        <View className="team__warnings" data-testid="warnings">
          {screen.warnings.map((w) => (
            <Text key={w} className="team__warning">
              {w}
            </Text>
          ))}
        </View>
      ) : null}

      <Text className="section-title">队伍负责人</Text>
      <View className="card" data-testid="leaders">
        <View className="team__row">
          <Text className="team__row-label">{screen.leaderTitle}</Text>
          <Text className="team__row-value">{screen.leaderName ?? '未设置'}</Text>
        </View>
        <View className="team__row">
          <Text className="team__row-label">{screen.deputyTitle}</Text>
          <Text className="team__row-value">
            {screen.deputyNames.length ? screen.deputyNames.join('、') : '未设置'}
          </Text>
        </View>
        {screen.deputyGuide || screen.canManage ? (
          <View className="team__row team__row--foot">
            <Text className="team__hint">{screen.deputyGuide ?? ''}</Text>
            {screen.canManage ? (
              <Button className="team__small" size="mini" onClick={editLeaders}>
                设置
              </Button>
            ) : null}
          </View>
        ) : null}
      </View>

      <Text className="section-title">{screen.period ? `报送进度 · ${screen.period.name}` : '报送进度'}</Text>
      <View className="card" data-testid="deadlines">
        {!screen.period ? (
          <Text className="team__hint">尚未设置报送周期，市支队设置后这里会显示各项截止日期。</Text>
        ) : screen.period.deadlines.length === 0 ? (
          <Text className="team__hint">本周期没有本类队伍需要完成的截止事项。</Text>
        ) : (
          screen.period.deadlines.map((d) => (
            <View className="team__deadline" key={d.key} data-testid={`deadline-${d.key}`}>
              <View className="team__deadline-text">
                <Text className="team__deadline-label">{d.label}</Text>
                <Text className="team__hint">截止 {d.due}</Text>
              </View>
              <Text className={`team__badge team__badge--${d.state}`}>{d.stateLabel}</Text>
            </View>
          ))
        )}
        {screen.period ? (
          <Text className={`team__focus${screen.focusMissing ? ' team__focus--missing' : ''}`} data-testid="focus">
            {screen.focusMissing ?? '三类重点结合活动本周期均已开展'}
          </Text>
        ) : null}
      </View>

      <Text className="section-title">下级队伍</Text>
      <View className="card" data-testid="children">
        {screen.children.length === 0 ? (
          <Text className="team__hint">暂无下级队伍</Text>
        ) : (
          screen.children.map((c) => (
            <View className="team__child" key={c.id} data-testid={`child-${c.id}`} onClick={() => openChild(c.id)}>
              <View className="team__deadline-text">
                <Text className="team__child-name">{c.name}</Text>
                <Text className="team__hint">{c.kindLabel}</Text>
              </View>
              <Text className="team__child-count">{c.members} 人 ›</Text>
            </View>
          ))
        )}
      </View>
      {screen.moreChildren ? (
        <View className="card" data-testid="more-children">
          <Text className="team__hint">下级队伍较多，上面列出前 20 支。其余的可逐级查看或按名称查找，点选即打开：</Text>
          <TeamPicker root={{ id: teamId, name: screen.name }} value="" onChange={openChild} opens />
        </View>
      ) : null}

      {screen.actions.length ? (
        <>
          <Text className="section-title">管理</Text>
          <View className="card team__actions" data-testid="actions">
            {screen.actions.map((a) => (
              <Button key={a.key} className="team__action" data-testid={`action-${a.key}`} onClick={() => open(a.url)}>
                {a.label}
              </Button>
            ))}
          </View>
        </>
      ) : null}
    </View>
  )
}

function MyTeams() {
  const { loading, error, teams, reload, openTeam } = useMyTeams()
  if (!teams) {
    if (error && !loading) return <ErrorState message={error.message} onRetry={reload} />
    return <Loading />
  }
  if (teams.length === 0) {
    return <EmptyState title="你还没有管理的队伍" hint="被任命为管理员或组织者后，所在队伍会显示在这里。" />
  }
  // One team (the usual case) opens straight away; several are listed to choose from.
  if (teams.length === 1) return <TeamView teamId={teams[0].id} />
  return (
    <View className="team">
      <Text className="section-title">我的队伍</Text>
      <View className="card" data-testid="my-teams">
        {teams.map((t) => (
          <View className="team__child" key={t.id} data-testid={`my-team-${t.id}`} onClick={() => openTeam(t.id)}>
            <Text className="team__child-name">{t.name}</Text>
            <Text className="team__child-count">›</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** A team of the tree (`?id=`), or the caller's own teams when opened without one. */
export default function TeamPage() {
  const id = useParam('id')
  return id ? <TeamView teamId={id} /> : <MyTeams />
}
