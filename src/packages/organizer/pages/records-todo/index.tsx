import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, ListFooter, Loading, StaleNotice } from '../../../../components/PageState'
import { useRecordsTodo } from './use-records-todo'
import './index.scss'

export default function RecordsTodoPage() {
  const t = useRecordsTodo()
  if (t.loading) return <Loading />
  if (t.error && t.rows.length === 0) return <ErrorState message={t.error.message} onRetry={t.refresh} />
  if (t.rows.length === 0)
    return <EmptyState title="没有待确认的服务记录" hint="活动结束后，请在 10 个工作日内核对签到并确认服务记录。" />
  return (
    <View className="todo">
      {t.error ? <StaleNotice message={t.error.message} onRetry={t.refresh} /> : null}
      {t.rows.map((r) => (
        <View className="card todo__row" key={r.id} onClick={() => t.open(r.id)} data-testid="todo-row">
          <Text className="todo__title">{r.title}</Text>
          <Text className="todo__line">
            {r.ended} · {r.checkedIn}
          </Text>
          <Text className={`todo__due${r.overdue ? ' todo__due--late' : ''}`}>{r.due}</Text>
          <Text className="todo__open">核对并确认 ›</Text>
        </View>
      ))}
      <ListFooter
        loadingMore={t.loadingMore}
        moreError={t.moreError}
        hasMore={t.hasMore}
        onRetry={t.loadMore}
        endText="没有更多了"
      />
    </View>
  )
}
