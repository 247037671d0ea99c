import { Button, Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, ListFooter, Loading, StaleNotice } from '../../../../components/PageState'
import { useOrganized } from './use-organized'
import './index.scss'

export default function OrganizedPage() {
  const o = useOrganized()

  let body
  if (o.loading) body = <Loading />
  else if (o.error && o.rows.length === 0) body = <ErrorState message={o.error.message} onRetry={o.refresh} />
  else if (o.rows.length === 0)
    body = <EmptyState title="还没有组织的活动" hint="点击“发布新活动”填写活动信息，保存草稿或直接发布。" />
  else
    body = (
      <>
        {o.error ? <StaleNotice message={o.error.message} onRetry={o.refresh} /> : null}
        {o.rows.map((r) => (
          <View className="card organized" key={r.id} data-testid="organized-row" onClick={() => o.open(r.id)}>
            <View className="organized__head">
              <Text className="organized__title">{r.title}</Text>
              <Text className={`organized__status organized__status--${r.status}`}>{r.statusLabel}</Text>
            </View>
            <Text className="organized__line">{r.time}</Text>
            <Text className="organized__line">{r.teamName}</Text>
            <Text className="organized__counts" data-testid="organized-counts">
              {r.counts}
            </Text>
            {r.stage === 'published' ? (
              <Text
                className="organized__attendance"
                data-testid="organized-attendance"
                onClick={(e) => {
                  // The card opens the editor; this line opens the check-in side.
                  e.stopPropagation()
                  void o.attendance(r.id)
                }}
              >
                签到情况 · 活动总结 ›
              </Text>
            ) : null}
          </View>
        ))}
        <ListFooter
          loadingMore={o.loadingMore}
          moreError={o.moreError}
          hasMore={o.hasMore}
          onRetry={o.loadMore}
          endText="没有更多了"
        />
      </>
    )

  return (
    <View className="organized-page">
      <Button className="organized-page__new" type="primary" onClick={o.create} data-testid="new-activity">
        发布新活动
      </Button>
      <View className="organized-page__links">
        <Button className="organized-page__link" onClick={o.scan} data-testid="organized-scan">
          扫码签到
        </Button>
        <Button className="organized-page__link" onClick={o.todo} data-testid="organized-todo">
          待确认服务记录
        </Button>
      </View>
      {body}
    </View>
  )
}
