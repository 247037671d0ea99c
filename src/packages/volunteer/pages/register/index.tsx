import { Button, Text, View } from '@tarojs/components'
import { ActivityType, AvailabilitySlot, Gender, SourceCategory } from '../../../../../types/enums'
import { ChoiceChips, toggled } from '../../../../components/ChoiceChips'
import { FormField } from '../../../../components/FormField'
import { TextField } from '../../../../components/TextField'
import { ErrorState, Loading } from '../../../../components/PageState'
import { TeamPicker } from '../../../../components/TeamPicker'
import { fieldId, useRegister } from './use-register'
import type { QuickNote } from './use-quick-fill'
import { PrivacyNotice } from './privacy-notice'
import { ConsentCheck } from './consent-check'
import type { Mode } from './use-register'
import type { MeView } from '../../../../../types/api'
import { flag } from '../../../../utils/flag'
import { formatDate } from '../../../../utils/datetime'
import { ID_NUMBER_INPUT, NAME_INPUT } from './identity-inputs'
import './index.scss'
import { withScreen } from '../../../../components/Screen'
import { RegisterForLink } from '../register-for/link'

const options = <T extends string>(labels: { map: Record<T, string>; values: T[] }) =>
  labels.values.map((value) => ({ value, label: labels.map[value] }))
const SKILLS = options(ActivityType)
const SLOTS = options(AvailabilitySlot)
const SOURCES = options(SourceCategory)

/** What a quick fill did, under its button. */
function QuickNoteLine({ note, source }: { note: QuickNote | undefined; source: QuickNote['source'] }) {
  if (!note || note.source !== source) return null
  return (
    <Text
      className={`register__quick-note${note.ok ? '' : ' register__quick-note--error'}`}
      data-testid={`quick-note-${source}`}
    >
      {note.text}
    </Text>
  )
}

function Intro({ mode, view }: { mode: Mode; view: MeView }) {
  if (mode === 'register') {
    return (
      <View className="card register__intro">
        <Text className="register__title">志愿者注册</Text>
        <Text className="register__text">
          请填写身份信息、服务技能、服务时间、联系方式等个人基本信息，并确保真实、准确、完整。点击“提交”后等待所在队伍管理员审核，审核结果会以微信消息通知，也会显示在“我的”页面。
        </Text>
      </View>
    )
  }
  const afterReview =
    view.status === 'active' || view.status === 'approved'
      ? '修改姓名、性别、身份证号、单位、职务/职称或所属队伍后需要重新审核' +
        (view.status === 'active' ? '，审核期间暂不能报名活动' : '，原激活码将作废') +
        '；只修改其他信息无需重新审核。'
      : '修改后将重新提交审核。'
  return (
    <View className="card register__intro">
      <Text className="register__title">修改资料</Text>
      {view.status === 'rejected' ? (
        <Text className="register__text register__text--reject" data-testid="reject-reason">
          退回原因：{view.rejectReason || '管理员未填写'}
        </Text>
      ) : null}
      <Text className="register__text">{afterReview}</Text>
      <Text className="register__text register__text--strong" data-testid="reenter-note">
        为保护个人信息，系统只显示已登记身份证号和手机号的部分数字；本机保存过的会自动填好，否则请重新填写。
      </Text>
    </View>
  )
}

function RegisterPage() {
  const r = useRegister()
  const { form, errors, set, touch, view } = r

  if (!view) {
    if (r.error && !r.loading) return <ErrorState message={r.error.message} onRetry={r.reload} />
    return <Loading />
  }
  const profile = view.profile
  const { quick } = r

  return (
    <View className="register">
      <Intro mode={r.mode} view={view} />
      {r.mode === 'register' ? <RegisterForLink /> : null}

      <Text className="section-title">身份信息</Text>
      <View className="card">
        <Button
          className="register__quick"
          loading={flag(quick.busy === 'idCard')}
          disabled={flag(quick.busy !== null)}
          onClick={() => void quick.readIdCard()}
          data-testid="quick-idcard"
        >
          拍照识别身份证
        </Button>
        <QuickNoteLine note={quick.note} source="idCard" />
        <Text className="register__quick-hint">
          拍身份证正面，自动填写姓名和身份证号；照片识别后立即删除。也可以直接填写。
        </Text>
        <TextField
          id={fieldId('name')}
          label="姓名"
          required
          error={errors.name}
          {...NAME_INPUT}
          value={form.name}
          onInput={(v) => set('name', v, 'name')}
          onBlur={() => touch('name')}
          testId="input-name"
        />
        <TextField
          id={fieldId('idNumber')}
          label="身份证号"
          required
          error={errors.idNumber}
          hint={
            r.facts ? (
              <Text data-testid="id-facts">
                出生日期：{formatDate(r.facts.birthDate)}　性别：{Gender.map[r.facts.gender]}（由身份证号得出）
              </Text>
            ) : profile ? (
              `已登记 ${profile.idNumberMasked}，请重新填写完整的 18 位身份证号`
            ) : (
              '18 位居民身份证号码，用于核实身份'
            )
          }
          {...ID_NUMBER_INPUT}
          value={form.idNumber}
          onInput={(v) => set('idNumber', v, 'idNumber')}
          onBlur={() => touch('idNumber')}
          testId="input-idNumber"
        />
        {r.idTaken ? (
          <Text className="register__appeal" onClick={r.openAppeal} data-testid="open-appeal">
            提出申诉
          </Text>
        ) : null}
        <TextField
          id={fieldId('employer')}
          label="单位"
          required
          error={errors.employer}
          placeholder="工作单位全称"
          maxlength={60}
          value={form.employer}
          onInput={(v) => set('employer', v, 'employer')}
          onBlur={() => touch('employer')}
          testId="input-employer"
        />
        <TextField
          id={fieldId('position')}
          label="职务/职称"
          required
          error={errors.position}
          placeholder="如：高级教师、主治医师"
          maxlength={40}
          value={form.position}
          onInput={(v) => set('position', v, 'position')}
          onBlur={() => touch('position')}
          testId="input-position"
        />
      </View>

      <Text className="section-title">服务技能</Text>
      <View className="card">
        <FormField
          id={fieldId('skills')}
          label="可提供的服务（可多选）"
          required
          error={errors.skills}
          hint="至少选择一项，或在下方填写其他技能"
        >
          <ChoiceChips
            options={SKILLS}
            selected={form.skills}
            testId="skill"
            onToggle={(v) => {
              set('skills', toggled(ActivityType.values, form.skills, v), 'skills')
              touch('skills')
            }}
          />
        </FormField>
        <TextField
          id={fieldId('skillsOther')}
          label="其他技能"
          error={errors.skillsOther}
          placeholder="选填，如：无人机植保"
          maxlength={60}
          value={form.skillsOther}
          onInput={(v) => set('skillsOther', v, 'skillsOther', 'skills')}
          onBlur={() => touch('skillsOther')}
          testId="input-skillsOther"
        />
        <TextField
          id={fieldId('specialty')}
          label="专业特长"
          error={errors.specialty}
          placeholder="选填，如：中学物理、果树栽培"
          maxlength={60}
          value={form.specialty}
          onInput={(v) => set('specialty', v, 'specialty')}
          onBlur={() => touch('specialty')}
          testId="input-specialty"
        />
      </View>

      <Text className="section-title">服务时间</Text>
      <View className="card">
        <FormField
          id={fieldId('availability.slots')}
          label="可参加服务的时间（可多选）"
          required
          error={errors['availability.slots']}
          hint="至少选择一项，或在下方说明"
        >
          <ChoiceChips
            options={SLOTS}
            selected={form.slots}
            testId="slot"
            onToggle={(v) => {
              set('slots', toggled(AvailabilitySlot.values, form.slots, v), 'availability.slots')
              touch('availability.slots')
            }}
          />
        </FormField>
        <TextField
          id={fieldId('availability.note')}
          label="时间说明"
          error={errors['availability.note']}
          placeholder="选填，如：每月第一个周六上午"
          maxlength={100}
          value={form.availabilityNote}
          onInput={(v) => set('availabilityNote', v, 'availability.note', 'availability.slots')}
          onBlur={() => touch('availability.note')}
          testId="input-availabilityNote"
        />
      </View>

      <Text className="section-title">联系方式</Text>
      <View className="card">
        {quick.phone.available ? (
          <>
            <Button
              className="register__quick"
              openType={quick.phone.openType}
              onGetPhoneNumber={(e) => quick.phone.onEvent(e.detail)}
              onClick={quick.phone.openType ? undefined : () => void quick.phone.onTap()}
              loading={flag(quick.busy === 'phone')}
              disabled={flag(quick.busy !== null)}
              data-testid="quick-phone"
            >
              使用微信绑定的手机号
            </Button>
            <QuickNoteLine note={quick.note} source="phone" />
          </>
        ) : null}
        <TextField
          id={fieldId('mobile')}
          label="手机号"
          required
          error={errors.mobile}
          hint={profile ? `已登记 ${profile.mobileMasked}，请重新填写完整手机号` : '用于活动联系，不对外公开'}
          type="number"
          placeholder="11 位手机号"
          maxlength={11}
          value={form.mobile}
          onInput={(v) => set('mobile', v, 'mobile')}
          onBlur={() => touch('mobile')}
          testId="input-mobile"
        />
      </View>

      <Text className="section-title">志愿者来源与队伍</Text>
      <View className="card">
        <FormField id={fieldId('source')} label="志愿者来源" required error={errors.source}>
          <ChoiceChips
            options={SOURCES}
            selected={form.source ? [form.source] : []}
            single
            testId="source"
            onToggle={(v) => {
              set('source', v, 'source')
              touch('source')
            }}
          />
        </FormField>
        <FormField
          id={fieldId('teamId')}
          label="加入的队伍"
          required
          error={errors.teamId}
          hint="区县（市）队伍的成员自动成为益阳市支队成员"
        >
          {r.suggestion ? (
            <Button className="register__suggest" onClick={r.acceptSuggestion} data-testid="team-suggestion">
              建议：{r.suggestion.name}（按身份证号所在区县）
            </Button>
          ) : null}
          <TeamPicker
            value={form.teamId}
            valueName={r.chosenTeamName}
            onChange={(id) => {
              set('teamId', id, 'teamId')
              touch('teamId')
            }}
          />
        </FormField>
      </View>

      <Text className="section-title">个人信息处理说明</Text>
      <View className="card">
        <PrivacyNotice />
        <FormField id={fieldId('consent')} label="同意" error={errors.consent}>
          <ConsentCheck
            block="register"
            checked={form.consent}
            testId="consent"
            onToggle={() => {
              set('consent', !form.consent, 'consent')
              touch('consent')
            }}
          >
            <Text>我已阅读并同意以上个人信息处理说明</Text>
          </ConsentCheck>
        </FormField>
        {errors.guardianConsent || form.guardianConsent ? (
          <FormField id={fieldId('guardianConsent')} label="监护人同意" error={errors.guardianConsent}>
            <ConsentCheck
              block="register"
              checked={form.guardianConsent}
              testId="guardian-consent"
              onToggle={() => {
                set('guardianConsent', !form.guardianConsent, 'guardianConsent')
                touch('guardianConsent')
              }}
            >
              <Text>未满 18 周岁：我的监护人已同意我注册并同意处理以上个人信息</Text>
            </ConsentCheck>
          </FormField>
        ) : null}
      </View>

      <View className="register__footer">
        {r.formError ? (
          <Text className="register__error" data-testid="form-error">
            {r.formError}
          </Text>
        ) : null}
        {r.alreadyRegistered ? (
          <Button className="register__back" onClick={r.backToMe}>
            返回“我的”查看注册状态
          </Button>
        ) : null}
        <Button
          className="register__submit"
          type="primary"
          loading={flag(r.busy)}
          disabled={flag(r.busy)}
          onClick={r.submit}
          data-testid="submit"
        >
          {r.busy ? '正在提交…' : r.mode === 'register' ? '提交' : '提交修改'}
        </Button>
      </View>
    </View>
  )
}

export default withScreen(RegisterPage)
