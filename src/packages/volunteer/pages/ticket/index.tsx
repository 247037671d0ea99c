import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Loading } from '../../../../components/PageState'
import { useParam } from '../../../../hooks/use-param'
import { formatTimeRange } from '../../../../utils/datetime'
import { TicketQr } from '../../components/TicketQr'
import { TicketStatus } from '../../../../../types/enums'
import { useTicket } from './use-ticket'
import './index.scss'
import { withScreen } from '../../../../components/Screen'

function Ticket({ id, forElder }: { id: string; forElder: boolean }) {
  const t = useTicket(id, forElder)
  if (t.loading) return <Loading text="正在打开签到码…" />
  if (t.error) return <ErrorState message={t.error.message} onRetry={() => void t.reload()} />
  if (!t.ticket)
    return (
      <EmptyState
        title="找不到这张签到码"
        hint={`它可能已取消，或活动已结束。请在“${forElder ? '我的 → 我代为注册的家人' : '我的活动'}”中查看。`}
      />
    )
  const ticket = t.ticket
  const a = ticket.activity
  return (
    <View className="ticket">
      {t.offline ? (
        <Text className="ticket__offline" data-testid="offline">
          网络不可用，显示的是保存在手机上的签到码，仍可签到。
        </Text>
      ) : null}
      {ticket.token && ticket.status === 'confirmed' && a.status !== 'cancelled' ? (
        <>
          <TicketQr token={ticket.token} />
          <Text className="ticket__name" data-testid="ticket-name">
            {ticket.nameMasked}
          </Text>
          <Text className="ticket__tip">
            {forElder ? '这是您代为报名的家人的签到码，可向组织者出示或截图打印' : '请调亮屏幕，向组织者出示此码'}
          </Text>
        </>
      ) : (
        <Text className="ticket__none" data-testid="no-code">
          {a.status === 'cancelled' ? '活动已取消，签到码已失效' : `${TicketStatus.map[ticket.status]}，没有签到码`}
        </Text>
      )}
      <View className="ticket__activity">
        <Text className="ticket__title">{a.title}</Text>
        <Text className="ticket__line">{formatTimeRange(a.startAt, a.endAt)}</Text>
        <Text className="ticket__line">{a.address}</Text>
      </View>
      {ticket.token ? (
        <View className="ticket__text">
          <Text className="ticket__text-label">签到码文本（扫码不便时可由组织者输入）</Text>
          <Text className="ticket__token" selectable userSelect data-testid="ticket-token">
            {ticket.token}
          </Text>
        </View>
      ) : null}
    </View>
  )
}

function TicketPage() {
  const id = useParam('id')
  const forElder = useParam('elder') === '1'
  if (!id) return <EmptyState title="未指定签到码" hint="请从“我的活动”进入。" />
  return <Ticket id={id} forElder={forElder} />
}

export default withScreen(TicketPage)
