import { Button, Input, Picker, Text, View } from '@tarojs/components'
import { ActivityType, FocusTag } from '../../../types/enums'
import { EmptyState, ErrorState, ListFooter, Loading, StaleNotice } from '../../components/PageState'
import { useActivities, type ActivityCard, type Tab } from './use-activities'
import './index.scss'
import { withScreen } from '../../components/Screen'

const TYPES = ActivityType.values
const TYPE_LABELS = TYPES.map((t) => ActivityType.map[t])
const FOCUSES = FocusTag.values
const FOCUS_LABELS = FOCUSES.map((f) => FocusTag.map[f])
const TABS: { value: Tab; label: string }[] = [
  { value: 'upcoming', label: '即将开始' },
  { value: 'past', label: '已结束' },
]

function Card({ card, onOpen }: { card: ActivityCard; onOpen: () => void }) {
  return (
    <View className="card activity" data-testid="activity-card" onClick={onOpen}>
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
      <View className="activity__foot">
        <Text className="activity__seats">{card.seats}</Text>
        {card.seatsLeft ? (
          <Text className={`activity__left${card.full ? ' activity__left--full' : ''}`}>{card.seatsLeft}</Text>
        ) : null}
      </View>
    </View>
  )
}

interface ChoiceFilterProps<T extends string> {
  /** The first choice, which clears the filter (全部类型). */
  all: string
  values: readonly T[]
  labels: string[]
  /** '' while the filter is not set. */
  value: T | ''
  onPick: (value: T | '') => void
  /** What the chip says: the filter's name, or the choice made. */
  text: string
  testId: string
}

/** A filter chip that opens a list of choices, 全部… first. */
function ChoiceFilter<T extends string>({ all, values, labels, value, onPick, text, testId }: ChoiceFilterProps<T>) {
  return (
    <Picker
      mode="selector"
      range={[all, ...labels]}
      value={value ? values.indexOf(value) + 1 : 0}
      onChange={(e) => onPick(Number(e.detail.value) ? values[Number(e.detail.value) - 1] : '')}
      data-testid={testId}
    >
      <Text className={`filter${value ? ' filter--on' : ''}`}>{text}</Text>
    </Picker>
  )
}

function ActivitiesPage() {
  const a = useActivities()
  const { filters: f, set } = a

  let body
  if (a.loading) body = <Loading />
  else if (a.error && a.cards.length === 0) body = <ErrorState message={a.error.message} onRetry={a.refresh} />
  else if (a.cards.length === 0) {
    body = a.filtered ? (
      <View className="activities__none">
        <EmptyState title="没有符合条件的活动" hint="换个条件试试，或清除筛选查看全部活动。" />
        <Button className="activities__clear-big" onClick={a.clearFilters} data-testid="clear-filters-empty">
          清除筛选
        </Button>
      </View>
    ) : a.tab === 'upcoming' ? (
      <EmptyState title="暂无活动" hint="各队伍发布活动后会显示在这里，下拉可刷新。" />
    ) : (
      <EmptyState title="暂无已结束的活动" />
    )
  } else {
    body = (
      <>
        {a.error ? <StaleNotice message={a.error.message} onRetry={a.refresh} /> : null}
        {a.cards.map((c) => (
          <Card key={c.id} card={c} onOpen={() => a.open(c.id)} />
        ))}
        <ListFooter
          loadingMore={a.loadingMore}
          moreError={a.moreError}
          hasMore={a.hasMore}
          onRetry={a.loadMore}
          endText="没有更多活动了"
        />
      </>
    )
  }

  return (
    <View className="activities">
      <View className="activities__tabs" role="tablist">
        {TABS.map((t) => (
          <View
            key={t.value}
            className={`activities__tab${a.tab === t.value ? ' activities__tab--on' : ''}`}
            role="tab"
            aria-selected={a.tab === t.value}
            data-testid={`tab-${t.value}`}
            onClick={() => a.setTab(t.value)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>

      <View className="activities__search">
        <Input
          className="activities__search-input"
          placeholder="搜索活动名称"
          confirmType="search"
          maxlength={20}
          value={a.search}
          onInput={(e) => a.setSearch(e.detail.value)}
          onConfirm={a.applySearch}
          data-testid="search-input"
        />
        <Button className="activities__search-button" onClick={a.applySearch} data-testid="search-button">
          搜索
        </Button>
      </View>

      <View className="activities__filters">
        {a.counties.length ? (
          <ChoiceFilter
            all="全部区县"
            values={a.counties.map((c) => c.id)}
            labels={a.counties.map((c) => c.name)}
            value={f.teamId}
            onPick={(v) => set('teamId', v)}
            text={a.labels.county}
            testId="filter-county"
          />
        ) : null}
        <ChoiceFilter
          all="全部类型"
          values={TYPES}
          labels={TYPE_LABELS}
          value={f.type}
          onPick={(v) => set('type', v)}
          text={a.labels.type}
          testId="filter-type"
        />
        <ChoiceFilter
          all="全部重点"
          values={FOCUSES}
          labels={FOCUS_LABELS}
          value={f.focus}
          onPick={(v) => set('focus', v)}
          text={a.labels.focus}
          testId="filter-focus"
        />
        <Picker
          mode="date"
          value={f.from}
          onChange={(e) => set('from', String(e.detail.value))}
          data-testid="filter-from"
        >
          <Text className={`filter${f.from ? ' filter--on' : ''}`}>{a.labels.from}</Text>
        </Picker>
        <Picker mode="date" value={f.to} onChange={(e) => set('to', String(e.detail.value))} data-testid="filter-to">
          <Text className={`filter${f.to ? ' filter--on' : ''}`}>{a.labels.to}</Text>
        </Picker>
        <View
          className={`filter${f.seatsOnly ? ' filter--on' : ''}`}
          role="checkbox"
          aria-checked={f.seatsOnly}
          data-testid="filter-seats"
          onClick={() => set('seatsOnly', !f.seatsOnly)}
        >
          <Text>只看有名额</Text>
        </View>
        {a.filtered ? (
          <Text className="filter filter--clear" data-testid="clear-filters" onClick={a.clearFilters}>
            清除筛选
          </Text>
        ) : null}
      </View>

      {body}
    </View>
  )
}

export default withScreen(ActivitiesPage)
