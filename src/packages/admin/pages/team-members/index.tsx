import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Loading, ListFooter } from '../../../../components/PageState'
import { useParam } from '../../../../hooks/use-param'
import { useMembers } from './use-members'
import './index.scss'

function MemberList({ teamId }: { teamId: string }) {
  const { cards, loading, error, refresh, loadingMore, moreError, hasMore, loadMore } = useMembers(teamId)

  if (loading) return <Loading />
  if (error && cards.length === 0) return <ErrorState message={error.message} onRetry={refresh} />
  if (cards.length === 0) {
    return <EmptyState title="暂无成员" hint="志愿者注册并激活后会列在这里（含下级队伍的成员），下拉可刷新。" />
  }

  return (
    <View className="members">
      <Text className="section-title">本队伍及下级队伍的已激活志愿者，号码已隐去部分数字</Text>
      {cards.map((c) => (
        <View className="card member" key={c.id} data-testid="member-card">
          <View className="member__head">
            <Text className="member__name">{c.name}</Text>
            <Text className="member__gender">{c.gender}</Text>
            <Text className="member__mobile">{c.mobile}</Text>
          </View>
          {c.work ? <Text className="member__line">{c.work}</Text> : null}
          <Text className="member__line">所属队伍：{c.team}</Text>
        </View>
      ))}
      <ListFooter
        loadingMore={loadingMore}
        moreError={moreError}
        hasMore={hasMore}
        onRetry={loadMore}
        endText="没有更多成员了"
      />
    </View>
  )
}

/** 成员名单 of a team and every team below it, masked. */
export default function TeamMembersPage() {
  const teamId = useParam('id')
  if (!teamId) return <EmptyState title="未指定队伍" hint="请从队伍页面进入成员名单。" />
  return <MemberList teamId={teamId} />
}
