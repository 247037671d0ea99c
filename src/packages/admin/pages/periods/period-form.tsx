import { Button, Input, Text, View } from '@tarojs/components'
import { ChoiceChips, toggled } from '../../../../components/ChoiceChips'
import { DateField } from '../../../../components/DateField'
import { FormField } from '../../../../components/FormField'
import { TextField } from '../../../../components/TextField'
import { TeamKind } from '../../../../../types/enums'
import type { Invalid } from '../../../../../types/schemas'
import { busyProps } from '../../../../utils/flag'
import { errorAt, newDeadlineKey, nextTargetKind, placeOf, type PeriodDraft } from './period-draft'
import { patchRow, PeriodRows } from './period-rows'

const KIND_OPTIONS = TeamKind.values.map((k) => ({ value: k, label: TeamKind.map[k] }))

interface Props {
  draft: PeriodDraft
  update: (f: (d: PeriodDraft) => PeriodDraft) => void
  invalid: Invalid | undefined
  formError: string | undefined
  busy: boolean
  onSave: () => void
  onCancel: () => void
}

/** One reporting period: its dates, the deadlines teams see, and the size targets per kind of team. */
export function PeriodForm({ draft, update, invalid, formError, busy, onSave, onCancel }: Props) {
  const set = <K extends keyof PeriodDraft>(key: K, value: PeriodDraft[K]) => update((d) => ({ ...d, [key]: value }))

  return (
    <View className="periods" data-testid="period-form">
      <Text className="section-title">{draft.id ? '编辑报送周期' : '新建报送周期'}</Text>
      <View className="card">
        <TextField
          id="period-name"
          label="名称"
          required
          error={errorAt(invalid, 'name')}
          placeholder="如：2024年度科技志愿服务"
          value={draft.name}
          onInput={(v) => set('name', v)}
          testId="period-name-input"
        />
        <FormField id="period-start" label="开始日期" required error={errorAt(invalid, 'start')}>
          <DateField value={draft.start} onChange={(day) => set('start', day)} data-testid="period-start-input" />
        </FormField>
        <FormField
          id="period-end"
          label="结束日期"
          required
          error={errorAt(invalid, 'end')}
          hint="活动在此期间开始即计入本周期"
        >
          <DateField value={draft.end} onChange={(day) => set('end', day)} data-testid="period-end-input" />
        </FormField>
      </View>

      <Text className="section-title">截止事项（队伍页面显示完成状态）</Text>
      <View className="card">
        <PeriodRows
          field="deadlines"
          rows={draft.deadlines}
          rowKey={(d) => d.key}
          testId="deadline-row"
          empty="尚未添加截止事项。"
          addLabel="添加截止事项"
          newRow={(rows) => ({ key: newDeadlineKey(rows.map((y) => y.key)), label: '', due: '', kinds: [] })}
          invalid={invalid}
          update={update}
        >
          {(d, i) => {
            const setDeadline = patchRow(update, 'deadlines', i)
            return (
              <>
                <Input
                  className="form-input periods__input"
                  placeholder="事项，如：报送《活动情况统计表》（附件3）"
                  value={d.label}
                  onInput={(e) => setDeadline({ label: e.detail.value })}
                  data-testid={`deadline-label-${i}`}
                />
                <DateField
                  className="periods__input"
                  placeholder="选择截止日期"
                  value={d.due}
                  onChange={(day) => setDeadline({ due: day })}
                  data-testid={`deadline-due-${i}`}
                />
                <Text className="periods__hint">适用队伍（不选则适用全部）</Text>
                <ChoiceChips
                  options={KIND_OPTIONS}
                  selected={d.kinds}
                  onToggle={(k) => setDeadline({ kinds: toggled(TeamKind.values, d.kinds, k) })}
                  testId={`deadline-kinds-${i}`}
                />
              </>
            )
          }}
        </PeriodRows>
      </View>

      <Text className="section-title">人数目标（队伍页面显示进度）</Text>
      <View className="card">
        <PeriodRows
          field="targets"
          rows={draft.targets}
          rowKey={(_, i) => i}
          testId="target-row"
          empty="尚未添加人数目标。"
          addLabel="添加人数目标"
          newRow={(rows) => ({ kind: nextTargetKind(rows), founding: '', goal: '', goalDate: '' })}
          invalid={invalid}
          update={update}
        >
          {(t, i) => {
            const setTarget = patchRow(update, 'targets', i)
            return (
              <>
                <ChoiceChips
                  options={KIND_OPTIONS}
                  selected={[t.kind]}
                  onToggle={(k) => setTarget({ kind: k })}
                  testId={`target-kind-${i}`}
                />
                <View className="periods__numbers">
                  <Input
                    className="form-input periods__number"
                    type="number"
                    placeholder="首批人数"
                    value={t.founding}
                    onInput={(e) => setTarget({ founding: e.detail.value })}
                    data-testid={`target-founding-${i}`}
                  />
                  <Input
                    className="form-input periods__number"
                    type="number"
                    placeholder="目标人数"
                    value={t.goal}
                    onInput={(e) => setTarget({ goal: e.detail.value })}
                    data-testid={`target-goal-${i}`}
                  />
                </View>
                <DateField
                  className="periods__input"
                  placeholder="选择目标日期"
                  value={t.goalDate}
                  onChange={(day) => setTarget({ goalDate: day })}
                  data-testid={`target-date-${i}`}
                />
              </>
            )
          }}
        </PeriodRows>
      </View>

      <View className="periods__submit">
        {invalid || formError ? (
          <Text className="periods__error" data-testid="form-error">
            {invalid ? `${placeOf(invalid.field)}${invalid.message}` : formError}
          </Text>
        ) : null}
        <Button type="primary" {...busyProps(busy)} onClick={onSave}>
          {busy ? '保存中…' : '保存'}
        </Button>
        <Button className="periods__cancel" onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  )
}
