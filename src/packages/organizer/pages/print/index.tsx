import { Button, Canvas, Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Loading } from '../../../../components/PageState'
import { useParam } from '../../../../hooks/use-param'
import { busyProps } from '../../../../utils/flag'
import { MAX_PER_SHEET } from '../../checkin/print-sheet'
import { SHEET_CANVAS_ID, usePrint } from './use-print'
import './index.scss'

/** The sheet on screen: the page's width, the picture keeps its full size. */
const SHOWN_WIDTH = 340

function Print({ activityId }: { activityId: string }) {
  const p = usePrint(activityId)
  if (p.loading) return <Loading />
  if (p.error && p.people.length === 0) return <ErrorState message={p.error.message} onRetry={() => void p.reload()} />
  if (p.people.length === 0) return <EmptyState title="还没有报名成功的志愿者" />
  return (
    <View className="print">
      <Text className="section-title">
        选择没有智能手机的志愿者（每张最多 {MAX_PER_SHEET} 人），生成一张签到码图片，打印后在活动前发给他们
      </Text>
      <View className="card">
        <Button className="print__small" onClick={p.selectNotCheckedIn} data-testid="select-absent">
          选择全部未签到的
        </Button>
        {p.people.map((x) => {
          const on = p.selected.includes(x.ticketId)
          return (
            <View
              key={x.ticketId}
              className={`print__person${on ? ' print__person--on' : ''}`}
              role="checkbox"
              aria-checked={on}
              onClick={() => p.toggle(x.ticketId)}
              data-testid={`print-${x.ticketId}`}
            >
              <Text className="print__check">{on ? '☑' : '☐'}</Text>
              <Text className="print__name">{x.name}</Text>
              <Text className="print__phone">{x.phone}</Text>
            </View>
          )
        })}
      </View>
      {p.generateError ? <Text className="print__error">{p.generateError}</Text> : null}
      <Button
        className="print__go"
        type="primary"
        {...busyProps(p.generating)}
        disabled={p.generating || p.selected.length === 0 ? true : undefined}
        onClick={() => void p.generate()}
        data-testid="generate-sheet"
      >
        生成签到码图片（{p.selected.length} 人）
      </Button>
      {p.items && p.sheet ? (
        <View className="card print__sheet">
          <Canvas
            type="2d"
            id={SHEET_CANVAS_ID}
            style={{
              width: `${SHOWN_WIDTH}px`,
              height: `${Math.round((SHOWN_WIDTH * p.sheet.height) / p.sheet.width)}px`,
            }}
            data-testid="print-canvas"
          />
          {p.drawError ? <Text className="print__error">{p.drawError}</Text> : null}
          <Button className="print__go" {...busyProps(p.saving)} onClick={() => void p.save()} data-testid="save-sheet">
            {process.env.TARO_ENV === 'h5' ? '下载图片' : '保存到相册'}
          </Button>
          {p.saveNote ? <Text className="print__note">{p.saveNote}</Text> : null}
        </View>
      ) : null}
    </View>
  )
}

export default function PrintPage() {
  const id = useParam('id')
  if (!id) return <EmptyState title="未指定活动" hint="请从“签到情况”进入。" />
  return <Print activityId={id} />
}
