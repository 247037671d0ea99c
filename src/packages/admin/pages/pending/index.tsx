import { Button, Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, ListFooter, Loading } from '../../../../components/PageState'
import { withScreen } from '../../../../components/Screen'
import { flag } from '../../../../utils/flag'
import { usePending, type PendingRow, type ShownCode } from './use-pending'
import './index.scss'

function CodeOnce({ shown, onHide }: { shown: ShownCode; onHide: () => void }) {
  return (
    <View className="card pending__code" data-testid="shown-code">
      <Text className="pending__code-title">{shown.name}的新激活码</Text>
      <Text className="pending__code-value" data-testid="code-value">
        {shown.code}
      </Text>
      <Text className="pending__hint">
        {shown.days} 天内有效。只显示这一次，离开本页后无法再查看，请当面或电话转交本人。
      </Text>
      <Button className="pending__button" onClick={onHide} data-testid="hide-code">
        已转交，隐藏
      </Button>
    </View>
  )
}

function Row(props: { row: PendingRow; busy: boolean; reissuing: boolean; onReissue: () => void; onOpen: () => void }) {
  const { row } = props
  return (
    <View className="card pending__row" data-testid={`pending-${row.id}`}>
      <View className="pending__head" onClick={props.onOpen} data-testid={`open-${row.id}`}>
        <Text className="pending__name">{row.name}</Text>
        {row.locked ? <Text className="pending__tag pending__tag--danger">已锁定</Text> : null}
        {row.expired ? <Text className="pending__tag">已过期</Text> : null}
      </View>
      <Text className="pending__line">{row.teamName}</Text>
      <Text className="pending__line">{row.origin}</Text>
      <Text className="pending__line">{row.codeState}</Text>
      <Button
        className="pending__button"
        disabled={flag(props.busy)}
        loading={flag(props.reissuing)}
        onClick={props.onReissue}
        data-testid={`reissue-${row.id}`}
      >
        重发激活码
      </Button>
    </View>
  )
}

function PendingPage() {
  const p = usePending()

  if (p.loading) return <Loading />
  if (p.error && p.rows.length === 0) return <ErrorState message={p.error.message} onRetry={p.refresh} />

  return (
    <View className="pending">
      {p.shown ? <CodeOnce shown={p.shown} onHide={p.hideCode} /> : null}
      {p.actionError ? (
        <Text className="pending__error" data-testid="action-error">
          {p.actionError}
        </Text>
      ) : null}
      {p.rows.length === 0 ? (
        <EmptyState
          title="没有待激活的志愿者"
          hint="审核通过或集体注册后尚未激活的志愿者会列在这里，可查看激活码发放时间并重发。"
        />
      ) : (
        <>
          <Text className="section-title">审核通过最早的在前。激活码过期或输错被锁定时，重发后即可激活。</Text>
          {p.rows.map((row) => (
            <Row
              key={row.id}
              row={row}
              busy={p.reissuing !== null}
              reissuing={p.reissuing === row.id}
              onReissue={() => void p.reissue(row)}
              onOpen={() => void p.open(row.id)}
            />
          ))}
          <ListFooter
            loadingMore={p.loadingMore}
            moreError={p.moreError}
            hasMore={p.hasMore}
            onRetry={p.loadMore}
            endText="没有更多了"
          />
        </>
      )}
    </View>
  )
}

export default withScreen(PendingPage)
