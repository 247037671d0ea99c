import { Button, Text, View } from '@tarojs/components'
import { ChoiceChips } from '../../../../components/ChoiceChips'
import { EmptyState, ErrorState, Loading, ListFooter } from '../../../../components/PageState'
import { useReviewQueue, type BatchOutcome, type ReviewRow } from './use-review-queue'
import { flag } from '../../../../utils/flag'
import './index.scss'

function Outcome({ outcome, onClose }: { outcome: BatchOutcome; onClose: () => void }) {
  return (
    <View className="card review__outcome" data-testid="batch-result">
      <Text className="review__outcome-title">
        已通过 {outcome.done} 条{outcome.failed.length ? `，${outcome.failed.length} 条未能通过` : ''}
      </Text>
      {outcome.failed.map((f) => (
        <Text className="review__outcome-failed" key={f.id}>
          {f.name || '（已不在列表中）'}：{f.message}
        </Text>
      ))}
      <Text className="review__outcome-close" onClick={onClose}>
        知道了
      </Text>
    </View>
  )
}

function Row({
  row,
  checked,
  onToggle,
  onOpen,
}: {
  row: ReviewRow
  checked: boolean
  onToggle: () => void
  onOpen: () => void
}) {
  return (
    <View className={`card review__row${checked ? ' review__row--on' : ''}`} data-testid="review-row">
      <View
        className="review__check"
        role="checkbox"
        aria-checked={checked}
        aria-label={`选择 ${row.name}`}
        data-testid={`select-${row.id}`}
        onClick={onToggle}
      >
        <View className="review__box">{checked ? '✓' : ''}</View>
      </View>
      <View className="review__body" data-testid={`open-${row.id}`} onClick={onOpen}>
        <View className="review__head">
          <Text className="review__name">{row.name}</Text>
          <Text className="review__gender">{row.gender}</Text>
          {row.resubmitted ? <Text className="review__tag">重新提交</Text> : null}
        </View>
        <Text className="review__line">{row.work}</Text>
        <Text className="review__line">{row.teamName}</Text>
        <Text className="review__time">提交于 {row.submittedAt}</Text>
      </View>
    </View>
  )
}

export default function ReviewPage() {
  const q = useReviewQueue()

  const filter = q.teams.length ? (
    <View className="review__filter" data-testid="team-filter">
      <ChoiceChips
        options={[{ value: '', label: '全部' }, ...q.teams.map((t) => ({ value: t.id, label: t.name }))]}
        selected={[q.teamId]}
        single
        testId="filter"
        onToggle={q.filterTeam}
      />
    </View>
  ) : null

  if (q.loading)
    return (
      <View className="review">
        {filter}
        <Loading />
      </View>
    )
  if (q.error && q.rows.length === 0)
    return (
      <View className="review">
        {filter}
        <ErrorState message={q.error.message} onRetry={q.refresh} />
      </View>
    )

  const outcome = q.outcome ? <Outcome outcome={q.outcome} onClose={q.dismissOutcome} /> : null
  if (q.rows.length === 0) {
    return (
      <View className="review">
        {filter}
        {outcome}
        <EmptyState
          title="暂无待审核的注册"
          hint="志愿者提交注册后，本队伍及下级队伍的申请会按提交时间列在这里。下拉可刷新。"
        />
      </View>
    )
  }

  const allPicked = q.selected.length === q.rows.length
  return (
    <View className="review">
      {filter}
      {outcome}
      <Text className="section-title">按提交时间排列，最早的在前。点选可批量通过，点开查看详情并审核。</Text>
      {q.rows.map((row) => (
        <Row
          key={row.id}
          row={row}
          checked={q.selected.includes(row.id)}
          onToggle={() => q.toggle(row.id)}
          onOpen={() => q.open(row.id)}
        />
      ))}
      <ListFooter
        loadingMore={q.loadingMore}
        moreError={q.moreError}
        hasMore={q.hasMore}
        onRetry={q.loadMore}
        endText="没有更多了"
      />

      <View className="review__bar">
        <Text className="review__all" onClick={q.toggleAll} data-testid="select-all">
          {allPicked ? '取消全选' : '全选'}
        </Text>
        {q.selected.length ? (
          <Button
            className="review__approve"
            type="primary"
            size="mini"
            loading={flag(q.approving)}
            disabled={flag(q.approving)}
            onClick={q.approveSelected}
            data-testid="batch-approve"
          >
            批量通过（{q.selected.length}）
          </Button>
        ) : (
          <Text className="review__bar-hint">勾选后可批量通过</Text>
        )}
      </View>
    </View>
  )
}
