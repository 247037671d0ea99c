import { Button, Picker, Text, Textarea, View } from '@tarojs/components'
import {
  ActivityStatus,
  ActivityType,
  Audience,
  BeneficiaryGroup,
  FocusTag,
  Theme,
  VenueKind,
} from '../../../../../types/enums'
import { ChoiceChips, toggled } from '../../../../components/ChoiceChips'
import { FormField } from '../../../../components/FormField'
import { TextField } from '../../../../components/TextField'
import { EmptyState, ErrorState, Loading } from '../../../../components/PageState'
import { TeamPicker } from '../../../../components/TeamPicker'
import { useParam } from '../../../../hooks/use-param'
import { busyProps } from '../../../../utils/flag'
import { formatDate } from '../../../../utils/datetime'
import type { Field } from './form'
import { useActivityEdit, type EditTarget } from './use-activity-edit'
import './index.scss'

const options = <T extends string>(labels: { map: Record<T, string>; values: T[] }) =>
  labels.values.map((value) => ({ value, label: labels.map[value] }))
const TYPES = ActivityType.values
const THEMES = Theme.values
const VENUES = VenueKind.values
const fieldId = (f: Field) => `field-${f.replace('.', '-')}`

function Select<T extends string>(props: {
  testId: string
  values: readonly T[]
  labels: Record<T, string>
  value: T | ''
  placeholder: string
  none?: string
  onChange: (v: T | '') => void
}) {
  const range = [...(props.none ? [props.none] : []), ...props.values.map((v) => props.labels[v])]
  const offset = props.none ? 1 : 0
  const index = props.value ? props.values.indexOf(props.value) + offset : 0
  return (
    <Picker
      mode="selector"
      range={range}
      value={index}
      onChange={(e) => {
        const i = Number(e.detail.value) - offset
        props.onChange(i >= 0 ? props.values[i] : '')
      }}
      data-testid={props.testId}
    >
      <View className={`form-input${props.value ? '' : ' form-input--placeholder'}`}>
        {props.value ? props.labels[props.value] : props.placeholder}
      </View>
    </Picker>
  )
}

function When(props: {
  testId: string
  date: string
  time: string
  onDate: (v: string) => void
  onTime: (v: string) => void
}) {
  return (
    <View className="edit__when">
      <Picker
        mode="date"
        value={props.date}
        onChange={(e) => props.onDate(String(e.detail.value))}
        data-testid={`${props.testId}-date`}
      >
        <View className={`form-input edit__date${props.date ? '' : ' form-input--placeholder'}`}>
          {props.date ? formatDate(props.date) : '选择日期'}
        </View>
      </Picker>
      <Picker
        mode="time"
        value={props.time}
        onChange={(e) => props.onTime(String(e.detail.value))}
        data-testid={`${props.testId}-time`}
      >
        <View className={`form-input edit__time${props.time ? '' : ' form-input--placeholder'}`}>
          {props.time || '选择时间'}
        </View>
      </Picker>
    </View>
  )
}

function EditForm({ target }: { target: EditTarget }) {
  const e = useActivityEdit(target)
  const { form: f, set, errors } = e

  if (!f) {
    if (e.loadError && !e.loading) return <ErrorState message={e.loadError.message} onRetry={() => void e.reload()} />
    return <Loading />
  }
  if (!e.isOwner && e.teams.length === 0) {
    return <EmptyState title="没有可组织活动的队伍" hint="组织者或管理员才能发布活动，请联系所在队伍的管理员。" />
  }
  const stage = e.stage
  const editable = stage !== 'cancelled'
  const teamOptions = e.teams.map((t) => t.name)

  return (
    <View className="edit">
      {target.mode === 'copy' && !e.current ? (
        <Text className="edit__notice" data-testid="copy-notice">
          这是复制的活动，保存后成为新的草稿；请检查时间和地点。
        </Text>
      ) : null}
      {e.restored ? (
        <View className="edit__notice" data-testid="restored">
          <Text>已恢复上次未保存的内容。</Text>
          <Text className="edit__link" onClick={e.discardDraft}>
            放弃这些修改
          </Text>
        </View>
      ) : null}
      {e.current ? (
        <View className="card edit__state" data-testid="activity-state">
          <Text>
            状态：{stage === 'draft' ? '草稿' : ActivityStatus.map[e.current.status]}　已报名 {e.current.signedUp}/
            {e.current.input.capacity}　候补 {e.current.waiting}
          </Text>
          {e.current.cancelReason ? <Text className="edit__cancelled">取消原因：{e.current.cancelReason}</Text> : null}
        </View>
      ) : null}

      <Text className="section-title">基本信息</Text>
      <View className="card">
        <FormField
          id={fieldId('teamId')}
          label="组织队伍"
          required
          error={errors.teamId ? '请选择组织队伍' : undefined}
        >
          {e.isOwner ? (
            <TeamPicker value={f.teamId} onChange={(id) => set('teamId', id, 'teamId')} />
          ) : (
            <Picker
              mode="selector"
              range={teamOptions}
              value={Math.max(
                0,
                e.teams.findIndex((t) => t.id === f.teamId),
              )}
              onChange={(ev) => set('teamId', e.teams[Number(ev.detail.value)].id, 'teamId')}
              data-testid="picker-team"
            >
              <View className={`form-input${f.teamId ? '' : ' form-input--placeholder'}`}>
                {e.teams.find((t) => t.id === f.teamId)?.name ?? '请选择组织队伍'}
              </View>
            </Picker>
          )}
        </FormField>
        <TextField
          id={fieldId('title')}
          label="活动名称"
          required
          error={errors.title}
          hint="2–40 个字"
          placeholder="如：防灾减灾科普进社区"
          maxlength={40}
          value={f.title}
          onInput={(v) => set('title', v, 'title')}
          testId="input-title"
        />
        <FormField id={fieldId('type')} label="活动类型" required error={errors.type}>
          <Select
            testId="picker-type"
            values={TYPES}
            labels={ActivityType.map}
            value={f.type}
            placeholder="请选择活动类型"
            onChange={(v) => set('type', v, 'type')}
          />
        </FormField>
        <FormField id={fieldId('focusTags')} label="重点结合" error={errors.focusTags} hint="可多选，也可不选">
          <ChoiceChips
            options={options(FocusTag)}
            selected={f.focusTags}
            onToggle={(v) => set('focusTags', toggled(FocusTag.values, f.focusTags, v), 'focusTags')}
            testId="focus"
          />
        </FormField>
        <FormField id={fieldId('theme')} label="主题" error={errors.theme}>
          <Select
            testId="picker-theme"
            values={THEMES}
            labels={Theme.map}
            value={f.theme}
            placeholder="不限主题"
            none="不限主题"
            onChange={(v) => set('theme', v, 'theme')}
          />
        </FormField>
        <FormField id={fieldId('beneficiaries')} label="服务对象" error={errors.beneficiaries} hint="可多选">
          <ChoiceChips
            options={options(BeneficiaryGroup)}
            selected={f.beneficiaries}
            onToggle={(v) =>
              set('beneficiaries', toggled(BeneficiaryGroup.values, f.beneficiaries, v), 'beneficiaries')
            }
            testId="beneficiary"
          />
        </FormField>
      </View>

      <Text className="section-title">时间地点</Text>
      <View className="card">
        <FormField id={fieldId('startAt')} label="开始时间" required error={errors.startAt}>
          <When
            testId="start"
            date={f.startDate}
            time={f.startTime}
            onDate={(v) => set('startDate', v, 'startAt', 'endAt', 'signupDeadline')}
            onTime={(v) => set('startTime', v, 'startAt', 'endAt', 'signupDeadline')}
          />
        </FormField>
        <FormField id={fieldId('endAt')} label="结束时间" required error={errors.endAt}>
          <When
            testId="end"
            date={f.endDate}
            time={f.endTime}
            onDate={(v) => set('endDate', v, 'endAt')}
            onTime={(v) => set('endTime', v, 'endAt')}
          />
        </FormField>
        <FormField
          id={fieldId('signupDeadline')}
          label="报名截止"
          required
          error={errors.signupDeadline}
          hint="不晚于开始时间"
        >
          <When
            testId="deadline"
            date={f.deadlineDate}
            time={f.deadlineTime}
            onDate={(v) => set('deadlineDate', v, 'signupDeadline')}
            onTime={(v) => set('deadlineTime', v, 'signupDeadline')}
          />
        </FormField>
        <FormField id={fieldId('venueKind')} label="阵地" required error={errors.venueKind}>
          <Select
            testId="picker-venue"
            values={VENUES}
            labels={VenueKind.map}
            value={f.venueKind}
            placeholder="请选择阵地"
            onChange={(v) => set('venueKind', v, 'venueKind')}
          />
        </FormField>
        <TextField
          id={fieldId('address')}
          label="活动地点"
          required
          error={errors.address}
          placeholder="详细地址，如：赫山区金银山街道社区服务中心"
          maxlength={100}
          value={f.address}
          onInput={(v) => set('address', v, 'address')}
          testId="input-address"
        />
        {e.canPickPoint ? (
          <FormField
            id={fieldId('location')}
            label="地图位置"
            error={errors.location}
            hint="选填；志愿者可在详情中打开地图导航"
          >
            <View className="edit__point">
              <Text>{f.location ? '已选定地图位置' : '未选择'}</Text>
              <Button className="edit__small" onClick={() => void e.pickPoint()} data-testid="pick-point">
                {f.location ? '重新选点' : '在地图上选点'}
              </Button>
              {f.location ? (
                <Button className="edit__small" onClick={() => set('location', null, 'location')}>
                  清除
                </Button>
              ) : null}
            </View>
          </FormField>
        ) : null}
      </View>

      <Text className="section-title">报名</Text>
      <View className="card">
        <TextField
          id={fieldId('capacity')}
          label="人数上限"
          required
          error={errors.capacity}
          type="number"
          placeholder="如：30"
          value={f.capacity}
          onInput={(v) => set('capacity', v, 'capacity')}
          testId="input-capacity"
        />
        <FormField id={fieldId('audience')} label="报名范围" required error={errors.audience}>
          <ChoiceChips
            options={options(Audience)}
            selected={[f.audience]}
            onToggle={(v) => set('audience', v, 'audience')}
            testId="audience"
          />
        </FormField>
        <FormField
          id={fieldId('insured')}
          label="是否已购买意外保险"
          required
          error={errors.insured}
          hint="有人身风险的活动，应先为志愿者购买意外保险"
        >
          <ChoiceChips
            options={[
              { value: 'yes', label: '已购买' },
              { value: 'no', label: '未购买' },
            ]}
            selected={f.insured === null ? [] : [f.insured ? 'yes' : 'no']}
            onToggle={(v) => set('insured', v === 'yes', 'insured')}
            testId="insured"
          />
        </FormField>
        <TextField
          id={fieldId('contact.name')}
          label="联系人"
          required
          error={errors['contact.name']}
          placeholder="志愿者可以联系的人"
          maxlength={20}
          value={f.contactName}
          onInput={(v) => set('contactName', v, 'contact.name')}
          testId="input-contact-name"
        />
        <TextField
          id={fieldId('contact.phone')}
          label="联系电话"
          required
          error={errors['contact.phone']}
          type="text"
          placeholder="手机号，或带区号的固定电话"
          maxlength={13}
          value={f.contactPhone}
          onInput={(v) => set('contactPhone', v, 'contact.phone')}
          testId="input-contact-phone"
        />
        <FormField id={fieldId('description')} label="活动内容" error={errors.description} hint="不超过 2000 字">
          <Textarea
            className="form-input edit__description"
            placeholder="活动安排、需要志愿者做什么、注意事项"
            maxlength={2000}
            value={f.description}
            onInput={(ev) => set('description', ev.detail.value, 'description')}
            data-testid="input-description"
          />
        </FormField>
      </View>

      {e.formError ? (
        <Text className="edit__error" data-testid="form-error">
          {e.formError}
        </Text>
      ) : null}

      <View className="edit__actions">
        {editable ? (
          stage === 'published' ? (
            <Button
              className="edit__button"
              type="primary"
              {...busyProps(e.busy)}
              onClick={() => void e.saveDraft()}
              data-testid="save"
            >
              保存修改
            </Button>
          ) : (
            <>
              <Button
                className="edit__button"
                {...busyProps(e.busy)}
                onClick={() => void e.saveDraft()}
                data-testid="save"
              >
                保存草稿
              </Button>
              <Button
                className="edit__button"
                type="primary"
                {...busyProps(e.busy)}
                onClick={() => void e.publish()}
                data-testid="publish"
              >
                发布
              </Button>
            </>
          )
        ) : null}
        {e.current ? (
          <Button className="edit__button" onClick={() => void e.copy()} data-testid="copy">
            复制为新活动
          </Button>
        ) : null}
      </View>

      {e.current && stage === 'published' ? (
        <>
          <Text className="section-title">取消活动</Text>
          <View className="card" data-testid="cancel-form">
            <FormField
              id="cancel-reason"
              label="取消原因"
              required
              error={e.cancel.error}
              hint="会通知每一位已报名的志愿者"
            >
              <Textarea
                className="form-input edit__reason"
                placeholder="如：台风预警，活动取消"
                maxlength={100}
                value={e.cancel.reason}
                onInput={(ev) => e.cancel.setReason(ev.detail.value)}
                data-testid="input-cancel-reason"
              />
            </FormField>
            <Button
              className="edit__button edit__button--danger"
              {...busyProps(e.busy)}
              onClick={() => void e.cancel.send()}
              data-testid="cancel-activity"
            >
              取消活动
            </Button>
          </View>
        </>
      ) : null}
    </View>
  )
}

/** No query: 发布新活动; `?id=` edits that activity; `?copyFrom=` starts a new draft from it. */
export default function ActivityEditPage() {
  const id = useParam('id')
  const copyFrom = useParam('copyFrom')
  if (id) return <EditForm key={`edit-${id}`} target={{ mode: 'edit', id }} />
  if (copyFrom) return <EditForm key={`copy-${copyFrom}`} target={{ mode: 'copy', fromId: copyFrom }} />
  return <EditForm key="new" target={{ mode: 'new' }} />
}
