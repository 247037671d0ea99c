import { Button, Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Loading } from '../../../../components/PageState'
import { PeriodForm } from './period-form'
import { toPeriodCard, usePeriods } from './use-periods'
import './index.scss'

/** 报送周期: the city's reporting periods, their deadlines and size targets (data, not code). */
export default function PeriodsPage() {
  const s = usePeriods()

  if (s.draft) {
    return (
      <PeriodForm
        draft={s.draft}
        update={s.update}
        invalid={s.invalid}
        formError={s.formError}
        busy={s.busy}
        onSave={s.save}
        onCancel={s.cancel}
      />
    )
  }
  if (!s.periods) {
    if (s.error && !s.loading) return <ErrorState message={s.error.message} onRetry={s.reload} />
    return <Loading />
  }

  return (
    <View className="periods">
      <View className="periods__top">
        <Text className="periods__hint">各队伍页面按当前周期显示截止日期和人数目标。</Text>
        <Button className="periods__new" size="mini" type="primary" onClick={s.create}>
          新建报送周期
        </Button>
      </View>
      {s.periods.length === 0 ? (
        <EmptyState title="尚未设置报送周期" hint="新建一个周期，填写截止事项和人数目标。" />
      ) : (
        s.periods.map((p) => {
          const c = toPeriodCard(p)
          return (
            <View className="card" key={p.id} data-testid={`period-${p.id}`}>
              <View className="periods__head">
                <Text className="periods__name">{c.name}</Text>
                {c.current ? <Text className="periods__current">当前周期</Text> : null}
              </View>
              <Text className="periods__hint">{c.range}</Text>
              {c.deadlines.map((d) => (
                <Text className="periods__line" key={d}>
                  {d}
                </Text>
              ))}
              {c.targets.map((t) => (
                <Text className="periods__line" key={t}>
                  {t}
                </Text>
              ))}
              <View className="periods__buttons">
                <Button size="mini" onClick={() => s.editPeriod(p)}>
                  编辑
                </Button>
                <Button size="mini" onClick={() => s.copyPeriod(p)}>
                  以此为模板新建
                </Button>
              </View>
            </View>
          )
        })
      )}
    </View>
  )
}
