import { Button, Text, Textarea, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { FormField } from '../../../../components/FormField'
import { EmptyState, ErrorState, ListFooter, Loading, StaleNotice } from '../../../../components/PageState'
import { busyProps } from '../../../../utils/flag'
import { useRecords } from './use-records'
import './index.scss'

export default function RecordsPage() {
  const r = useRecords()
  useReachBottom(() => void r.loadMore())
  if (r.loading) return <Loading />
  if (r.error && r.rows.length === 0) return <ErrorState message={r.error.message} onRetry={() => void r.refresh()} />
  return (
    <View className="records">
      {r.error ? <StaleNotice message={r.error.message} onRetry={() => void r.refresh()} /> : null}
      <View className="card records__total">
        <Text className="records__total-label">累计服务时长</Text>
        <Text className="records__total-value" data-testid="total-hours">
          {r.total}
        </Text>
      </View>
      {r.rows.length === 0 ? (
        <EmptyState title="还没有服务记录" hint="在活动现场由组织者扫码签到后，签到和服务时长会显示在这里。" />
      ) : (
        r.rows.map((row) => (
          <View className="card records__row" key={row.activityId} data-testid="record-row">
            <Text className="records__title">{row.title}</Text>
            <Text className="records__line">
              {row.team} · {row.date}
            </Text>
            <Text className="records__line">{row.checkIn}</Text>
            {row.checkOut ? <Text className="records__line">{row.checkOut}</Text> : null}
            <Text className="records__hours">{row.hours}</Text>
            {r.sentFor.includes(row.activityId) ? (
              <Text className="records__sent" data-testid="correction-sent">
                更正申请已发给组织者
              </Text>
            ) : r.correcting === row.activityId ? (
              <View data-testid="correction-form">
                <FormField label="需要更正的内容" required error={r.correctionError ?? undefined}>
                  <Textarea
                    className="records__textarea"
                    value={r.note}
                    placeholder="例如：实际 9:00 到场，12:30 离开，签退未记录"
                    maxlength={300}
                    onInput={(e) => r.setNote(e.detail.value)}
                    data-testid="correction-note"
                  />
                </FormField>
                <View className="records__actions">
                  <Button className="records__small" onClick={r.cancelCorrection}>
                    取消
                  </Button>
                  <Button
                    className="records__small"
                    type="primary"
                    {...busyProps(r.sending)}
                    onClick={() => void r.sendCorrection()}
                    data-testid="send-correction"
                  >
                    发送
                  </Button>
                </View>
              </View>
            ) : (
              <Button
                className="records__small"
                onClick={() => r.startCorrection(row.activityId)}
                data-testid="ask-correction"
              >
                申请更正
              </Button>
            )}
          </View>
        ))
      )}
      {r.rows.length ? (
        <ListFooter
          loadingMore={r.loadingMore}
          moreError={r.moreError}
          hasMore={r.hasMore}
          onRetry={() => void r.loadMore()}
          endText="没有更多了"
        />
      ) : null}
    </View>
  )
}
