import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Loading, ListFooter } from '../../components/PageState'
import { useActivities, type ActivityCard } from './use-activities'
import './index.scss'

function Card({ card }: { card: ActivityCard }) {
  return (
    <View className="card activity" data-testid="activity-card">
      <View className="activity__head">
        <Text className="activity__title">{card.title}</Text>
        <Text className={`activity__status activity__status--${card.status}`}>{card.statusLabel}</Text>
      </View>
      <View className="activity__tags">
        <Text className="activity__type">{card.typeLabel}</Text>
        <Text className="activity__team">{card.teamName}</Text>
      </View>
      <Text className="activity__line">时间：{card.time}</Text>
      <Text className="activity__line">地点：{card.address}</Text>
      <Text className={`activity__seats${card.full ? ' activity__seats--full' : ''}`}>{card.seats}</Text>
    </View>
  )
}

export default function ActivitiesPage() {
  const { cards, loading, error, refresh, loadingMore, moreError, hasMore, loadMore } = useActivities()

  if (loading) return <Loading />
  if (error && cards.length === 0) return <ErrorState message={error.message} onRetry={refresh} />
  if (cards.length === 0) return <EmptyState title="暂无活动" hint="各队伍发布活动后会显示在这里，下拉可刷新。" />

  return (
    <View className="activities">
      {cards.map((c) => (
        <Card key={c.id} card={c} />
      ))}
      <ListFooter
        loadingMore={loadingMore}
        moreError={moreError}
        hasMore={hasMore}
        onRetry={loadMore}
        endText="没有更多活动了"
      />
    </View>
  )
}
