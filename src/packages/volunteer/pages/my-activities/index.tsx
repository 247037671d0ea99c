import { Button, Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, ListFooter, Loading, StaleNotice } from '../../../../components/PageState'
import type { TicketRow } from '../../tickets'
import { useMyActivities, type Tab } from './use-my-activities'
import './index.scss'
import { withScreen } from '../../../../components/Screen'

const TABS: { value: Tab; label: string }[] = [
  { value: 'upcoming', label: '即将参加' },
  { value: 'past', label: '已结束' },
]

function Row({ row, onOpen }: { row: TicketRow; onOpen: () => void }) {
  return (
    <View className="card my-ticket" data-testid="ticket-row" onClick={onOpen}>
      <View className="my-ticket__head">
        <Text className="my-ticket__title">{row.title}</Text>
        <Text className={`my-ticket__status my-ticket__status--${row.status}`} data-testid="ticket-status">
          {row.statusLabel}
        </Text>
      </View>
      <Text className="my-ticket__line">时间：{row.time}</Text>
      <Text className="my-ticket__line">地点：{row.place}</Text>
      {row.attendance ? (
        <Text className="my-ticket__attended" data-testid="ticket-attendance">
          签到情况：{row.attendance}
        </Text>
      ) : null}
      {row.notes.map((n) => (
        <Text className="my-ticket__note" key={n} data-testid="ticket-note">
          {n}
        </Text>
      ))}
      {row.opensCode ? <Text className="my-ticket__code">出示签到码 ›</Text> : null}
    </View>
  )
}

function MyActivitiesPage() {
  const m = useMyActivities()

  let body
  if (m.loading) body = <Loading />
  else if (m.rows.length === 0 && m.error) body = <ErrorState message={m.error.message} onRetry={m.refresh} />
  else if (m.rows.length === 0) {
    body =
      m.tab === 'upcoming' ? (
        <View className="my-activities__none">
          <EmptyState title="还没有报名的活动" hint="在“活动”中找到想参加的活动，报名后签到码会在这里。" />
          <Button className="my-activities__browse" onClick={m.browse}>
            去看看活动
          </Button>
        </View>
      ) : (
        <EmptyState title="还没有已结束的活动" />
      )
  } else {
    body = (
      <>
        {m.offline ? (
          <StaleNotice message="网络不可用，显示的是保存在手机上的签到码" onRetry={m.refresh} />
        ) : m.error ? (
          <StaleNotice message={m.error.message} onRetry={m.refresh} />
        ) : null}
        {m.rows.map((r) => (
          <Row key={r.id} row={r} onOpen={() => m.open(r)} />
        ))}
        {m.offline ? null : (
          <ListFooter
            loadingMore={m.loadingMore}
            moreError={m.moreError}
            hasMore={m.hasMore}
            onRetry={m.loadMore}
            endText="没有更多了"
          />
        )}
      </>
    )
  }

  return (
    <View className="my-activities">
      <View className="my-activities__tabs" role="tablist">
        {TABS.map((t) => (
          <View
            key={t.value}
            className={`my-activities__tab${m.tab === t.value ? ' my-activities__tab--on' : ''}`}
            role="tab"
            aria-selected={m.tab === t.value}
            data-testid={`tab-${t.value}`}
            onClick={() => m.setTab(t.value)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {body}
    </View>
  )
}

export default withScreen(MyActivitiesPage)
