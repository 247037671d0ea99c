import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { statisticsSections } from '../../../../../types/report-form'
import { FormField } from '../../../../components/FormField'
import { PeriodScreen } from '../../components/PeriodScreen'
import { TextField } from '../../../../components/TextField'
import { EmptyState, ErrorState, Loading } from '../../../../components/PageState'
import { busyProps } from '../../../../utils/flag'
import { formatDateTime } from '../../../../utils/datetime'
import { derivedAverage, FIGURE_FIELDS } from './entry-form'
import { filingLine, FORM_NAME, rosterCells, statusLine } from './forms-view'
import { useEntry, useExport, useFiling, useQueryStatistics, useRoster, type FormsTab } from './use-forms'
import './index.scss'

const TABS: { key: FormsTab; label: string }[] = [
  { key: 'roster', label: '附件2' },
  { key: 'statistics', label: '附件3' },
  { key: 'entry', label: '填报' },
  { key: 'filing', label: '报送' },
]
const ROSTER_HEAD = ['序号', '志愿者姓名', '性别', '单位', '职务/职称']

function RosterSection(props: { teamId: string; periodId: string; exporter: ReturnType<typeof useExport> }) {
  const { teamId, exporter } = props
  // The roster now, or as of the chosen period's end.
  const [atEnd, setAtEnd] = useState(false)
  const periodId = atEnd ? props.periodId : null
  const r = useRoster(teamId, periodId)
  const choice = (
    <View className="forms__yesno forms__scope" data-testid="roster-scope">
      {[false, true].map((end) => (
        <View
          key={String(end)}
          role="radio"
          aria-checked={atEnd === end}
          className={`forms__choice${atEnd === end ? ' forms__choice--on' : ''}`}
          data-testid={`roster-${end ? 'period' : 'now'}`}
          onClick={() => setAtEnd(end)}
        >
          <Text>{end ? '截至本周期末' : '当前成员'}</Text>
        </View>
      ))}
    </View>
  )
  if (!r.head) {
    if (r.error && !r.loading)
      return (
        <View>
          {choice}
          <ErrorState message={r.error.message} onRetry={r.reload} />
        </View>
      )
    return <Loading />
  }
  return (
    <View data-testid="roster">
      {choice}
      <View className="card">
        <Text className="forms__title">{FORM_NAME.roster}</Text>
        <Text className="forms__line">单位：{r.head.unit.name}</Text>
        <Text className="forms__line">填报日期：{r.head.date}</Text>
        {r.head.asOf ? <Text className="forms__line">名单截至：{r.head.asOf}</Text> : null}
        <Text className="forms__line">共 {r.head.total} 人（姓名已隐去部分，导出的表格为完整信息）</Text>
        <Button
          className="forms__button"
          type="primary"
          {...busyProps(exporter.busy)}
          onClick={() => exporter.roster(teamId, periodId)}
        >
          {exporter.busy ? '正在导出…' : '导出 Excel'}
        </Button>
      </View>
      {r.rows.length === 0 ? (
        <EmptyState title="还没有成员" hint="成员激活后会按加入顺序列在这里。" />
      ) : (
        <View className="card forms__table">
          <View className="forms__tr forms__tr--head">
            {ROSTER_HEAD.map((h) => (
              <Text key={h} className="forms__td">
                {h}
              </Text>
            ))}
          </View>
          {r.rows.map((row) => (
            <View key={row.no} className="forms__tr" data-testid={`roster-row-${row.no}`}>
              {rosterCells(row).map((c, i) => (
                <Text key={ROSTER_HEAD[i]} className="forms__td">
                  {c}
                </Text>
              ))}
            </View>
          ))}
          {r.error ? <Text className="forms__error">{r.error.message}</Text> : null}
          {r.hasMore ? (
            <Button className="forms__button" {...busyProps(r.loading)} onClick={r.loadMore}>
              加载更多
            </Button>
          ) : (
            <Text className="forms__hint">已显示全部 {r.rows.length} 人</Text>
          )}
        </View>
      )}
    </View>
  )
}

type Entry = ReturnType<typeof useEntry>

function StatisticsSection(props: {
  teamId: string
  periodId: string
  entry: Entry
  exporter: ReturnType<typeof useExport>
  stats: ReturnType<typeof useQueryStatistics>
}) {
  const { teamId, periodId, entry, exporter, stats } = props
  const f = stats.data
  if (!f) {
    if (stats.error && !stats.loading) return <ErrorState message={stats.error.message} onRetry={stats.reload} />
    return <Loading />
  }
  return (
    <View data-testid="statistics">
      <View className="card">
        <Text className="forms__title">{FORM_NAME.statistics}</Text>
        <Text className="forms__line">填报单位：{f.unit.name}</Text>
        <Text className="forms__line">填报日期：{f.date}</Text>
        {f.due ? <Text className="forms__line">截止日期：{f.due}</Text> : null}
        <Button
          className="forms__button"
          type="primary"
          {...busyProps(exporter.busy)}
          onClick={() => exporter.statistics(teamId, periodId)}
        >
          {exporter.busy ? '正在导出…' : '导出 Excel'}
        </Button>
      </View>
      <View className="card" data-testid="sections">
        {statisticsSections(f).map((s, i) => (
          <View key={i} className="forms__section">
            {s.label ? <Text className="forms__section-label">{s.label}</Text> : null}
            <Text className="forms__text">{s.text}</Text>
          </View>
        ))}
      </View>

      <Text className="section-title">亮点活动（选 1–2 项）</Text>
      <View className="card" data-testid="highlights">
        {entry.candidates.length === 0 ? (
          <Text className="forms__hint">本周期还没有写明服务内容的活动；组织者填写活动总结后可在这里选择。</Text>
        ) : (
          <>
            {entry.candidates.map((c) => {
              const on = entry.chosen.includes(c.activityId)
              return (
                <View
                  key={c.activityId}
                  className={`forms__pick${on ? ' forms__pick--on' : ''}`}
                  role="checkbox"
                  aria-checked={on}
                  data-testid={`highlight-${c.activityId}`}
                  onClick={() => entry.toggleHighlight(c.activityId)}
                >
                  <Text className="forms__pick-title">{c.title}</Text>
                  <Text className="forms__hint">
                    {c.team.name} · {formatDateTime(c.startAt)} · 专家 {c.checkedIn} 人次
                  </Text>
                </View>
              )
            })}
            <Button className="forms__button" {...busyProps(entry.busy)} onClick={entry.saveHighlights}>
              保存亮点活动
            </Button>
          </>
        )}
        {entry.errors.highlightIds ? <Text className="forms__error">{entry.errors.highlightIds}</Text> : null}
        {entry.highlightsError ? (
          <Text className="forms__error" data-testid="highlights-error">
            {entry.highlightsError}
          </Text>
        ) : null}
      </View>

      <Text className="section-title">尚未填报的下级队伍</Text>
      <View className="card" data-testid="not-entered">
        {f.notEntered.length === 0 ? (
          <Text className="forms__hint">下级队伍均已填报本周期数据</Text>
        ) : (
          f.notEntered.map((t) => (
            <Text key={t.id} className="forms__line">
              {t.name}
            </Text>
          ))
        )}
      </View>
    </View>
  )
}

function EntrySection({ entry }: { entry: Entry }) {
  const d = entry.draft
  if (!d) {
    if (entry.error && !entry.loading) return <ErrorState message={entry.error.message} onRetry={entry.reload} />
    return <Loading />
  }
  let section = ''
  return (
    <View className="card" data-testid="entry">
      <Text className="forms__hint">不填表示未填报，填 0 表示没有开展。平均每人篇数自动计算。</Text>
      {FIGURE_FIELDS.map((f) => {
        const head = f.section !== section ? f.section : null
        section = f.section
        const cov = f.key === 'museumTours' ? 'museum' : f.key === 'caravanTours' ? 'caravan' : null
        return (
          <View key={f.key}>
            {head ? <Text className="forms__section-label">{head}</Text> : null}
            <TextField
              id={`fig-${f.key}`}
              label={`${f.label}（${f.unit}）`}
              error={entry.errors[f.key]}
              type="number"
              placeholder="未填报"
              value={d.figures[f.key]}
              onInput={(v) => entry.setFigure(f.key, v)}
              testId={`fig-${f.key}-input`}
            />
            {cov && entry.isCounty ? (
              <FormField id={`cov-${cov}`} label="是否在全县基本覆盖" error={entry.errors[cov]}>
                <View className="forms__yesno">
                  {[true, false].map((yes) => (
                    <View
                      key={String(yes)}
                      role="radio"
                      aria-checked={d.coverage[cov] === yes}
                      className={`forms__choice${d.coverage[cov] === yes ? ' forms__choice--on' : ''}`}
                      data-testid={`cov-${cov}-${yes ? 'yes' : 'no'}`}
                      onClick={() => entry.setCoverage(cov, yes)}
                    >
                      <Text>{yes ? '是' : '否'}</Text>
                    </View>
                  ))}
                </View>
              </FormField>
            ) : null}
            {f.key === 'kepuChinaShares' || f.key === 'kepuHunanShares' ? (
              <Text className="forms__derived" data-testid={`avg-${f.key}`}>
                平均每人 {derivedAverage(d.figures[f.key], d.figures.informants) ?? '—'} 篇
              </Text>
            ) : null}
          </View>
        )
      })}
      {Object.keys(entry.errors).length ? (
        <Text className="forms__error" data-testid="entry-error">
          请按提示修改标红的项目
        </Text>
      ) : null}
      {entry.saveError ? <Text className="forms__error">{entry.saveError}</Text> : null}
      <Button className="forms__button" type="primary" {...busyProps(entry.busy)} onClick={entry.saveFigures}>
        保存
      </Button>
    </View>
  )
}

function FilingSection({ teamId, periodId }: { teamId: string; periodId: string }) {
  const s = useFiling(teamId, periodId)
  return (
    <View data-testid="filing">
      <View className="card">
        <Text className="forms__hint">报送会保存当前数据的快照，记录报送人和时间；之后可以再次报送。</Text>
        {(['roster', 'statistics'] as const).map((form) => (
          <Button
            key={form}
            className="forms__button"
            type="primary"
            {...busyProps(s.busy)}
            data-testid={`file-${form}`}
            onClick={() => s.file(form)}
          >
            报送{FORM_NAME[form].slice(0, 3)}
          </Button>
        ))}
        {s.fileError ? <Text className="forms__error">{s.fileError}</Text> : null}
      </View>
      <Text className="section-title">报送记录</Text>
      <View className="card" data-testid="filings">
        {!s.history.data ? (
          s.history.error ? (
            <ErrorState message={s.history.error.message} onRetry={s.history.reload} />
          ) : (
            <Loading />
          )
        ) : s.history.data.length === 0 ? (
          <Text className="forms__hint">本周期还没有报送</Text>
        ) : (
          s.history.data.map((f) => (
            <View key={f.id} className="forms__history">
              <Text className="forms__pick-title">{FORM_NAME[f.form]}</Text>
              <Text className="forms__line">{filingLine(f)}</Text>
            </View>
          ))
        )}
      </View>
      <Text className="section-title">各队伍报送情况</Text>
      <View className="card" data-testid="filing-status">
        {!s.status.data ? (
          s.status.error ? (
            <ErrorState message={s.status.error.message} onRetry={s.status.reload} />
          ) : (
            <Loading />
          )
        ) : (
          s.status.data.map((t) => (
            <View key={t.team.id} className="forms__history" style={{ paddingLeft: `${t.team.depth * 16}px` }}>
              <Text className="forms__pick-title">{t.team.name}</Text>
              <Text className="forms__line">附件2：{statusLine(t, 'roster')}</Text>
              <Text className="forms__line">附件3：{statusLine(t, 'statistics')}</Text>
            </View>
          ))
        )}
      </View>
    </View>
  )
}

function FormsBody({ teamId, periodId }: { teamId: string; periodId: string }) {
  const [tab, setTab] = useState<FormsTab>('statistics')
  const exporter = useExport()
  const stats = useQueryStatistics(teamId, periodId)
  const entry = useEntry(teamId, periodId, () => void stats.reload())
  return (
    <>
      <View className="forms__tabs" role="tablist">
        {TABS.map((t) => (
          <View
            key={t.key}
            role="tab"
            aria-selected={tab === t.key}
            className={`forms__tab${tab === t.key ? ' forms__tab--on' : ''}`}
            data-testid={`tab-${t.key}`}
            onClick={() => setTab(t.key)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {exporter.error ? (
        <Text className="forms__error" data-testid="export-error">
          {exporter.error}
        </Text>
      ) : null}
      {/* Sections stay mounted while hidden, so a half-typed entry survives a look at another tab. */}
      <View className={tab === 'roster' ? '' : 'forms__hidden'}>
        {tab === 'roster' ? <RosterSection teamId={teamId} periodId={periodId} exporter={exporter} /> : null}
      </View>
      <View className={tab === 'statistics' ? '' : 'forms__hidden'}>
        <StatisticsSection teamId={teamId} periodId={periodId} entry={entry} exporter={exporter} stats={stats} />
      </View>
      <View className={tab === 'entry' ? '' : 'forms__hidden'}>
        <EntrySection entry={entry} />
      </View>
      <View className={tab === 'filing' ? '' : 'forms__hidden'}>
        {tab === 'filing' ? <FilingSection teamId={teamId} periodId={periodId} /> : null}
      </View>
    </>
  )
}

/** 报表: the notice's two forms for one team and period, the figures the team enters, and filing. */
export default function FormsPage() {
  return (
    <PeriodScreen
      block="forms"
      noTeamHint="请从队伍页面进入报表。"
      noPeriodHint="市支队设置报送周期后即可生成和报送报表。"
    >
      {(teamId, periodId) => <FormsBody teamId={teamId} periodId={periodId} />}
    </PeriodScreen>
  )
}
