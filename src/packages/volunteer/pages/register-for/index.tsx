import { Button, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ActivityType, AvailabilitySlot, Gender, ProxyRelation, SourceCategory } from '../../../../../types/enums'
import { parseIdCard } from '../../../../../types/idcard'
import { ChoiceChips, toggled } from '../../../../components/ChoiceChips'
import { FormField } from '../../../../components/FormField'
import { withScreen } from '../../../../components/Screen'
import { TeamPicker } from '../../../../components/TeamPicker'
import { TextField } from '../../../../components/TextField'
import { appUrl } from '../../../../routes'
import { flag } from '../../../../utils/flag'
import { ConsentCheck } from '../register/consent-check'
import { PrivacyNotice } from '../register/privacy-notice'
import { useRegisterFor } from './use-register-for'
import { ID_NUMBER_INPUT, NAME_INPUT } from '../register/identity-inputs'
import './index.scss'

const options = <T extends string>(labels: { map: Record<T, string>; values: T[] }) =>
  labels.values.map((value) => ({ value, label: labels.map[value] }))
const SKILLS = options(ActivityType)
const SLOTS = options(AvailabilitySlot)
const RELATIONS = options(ProxyRelation)
const SOURCE_LABELS = SourceCategory.values.map((s) => SourceCategory.map[s])

/**
 * 代为注册: a family member or team leader fills in an elder's registration, says how they are
 * related and confirms the elder's consent in a statement naming them. The elder later claims the
 * record in 我的 with their ID number and the activation code the helper hands over.
 */
function RegisterForPage() {
  const r = useRegisterFor()
  const { form, set, errors } = r

  if (r.receipt) {
    const k = r.receipt
    return (
      <View className="register-for">
        <View className="card register-for__intro" data-testid="receipt">
          <Text className="register-for__title">已代为提交，等待审核</Text>
          <Text className="register-for__text">
            {k.name}（身份证号 {k.idNumberMasked}，手机号 {k.mobileMasked}）申请加入{k.team.name}。
          </Text>
          <Text className="register-for__text">
            审核结果会发给您。通过后请把激活码转交{k.name}本人：本人在“我的”中选择“用身份证号和激活码激活”即可完成激活。
          </Text>
        </View>
        <Button className="register-for__submit" type="primary" onClick={() => Taro.switchTab({ url: appUrl.me() })}>
          返回“我的”
        </Button>
      </View>
    )
  }

  const facts = parseIdCard(form.idNumber)
  const sourceIndex = form.source ? SourceCategory.values.indexOf(form.source) : 0
  return (
    <View className="register-for">
      <View className="card register-for__intro">
        <Text className="register-for__title">为家人代为注册</Text>
        <Text className="register-for__text">
          家人或队伍负责人可以替不方便使用手机的长辈填写注册信息。请如实填写长辈本人的信息，并事先征得长辈本人同意。
        </Text>
      </View>

      <Text className="section-title">长辈的身份信息</Text>
      <View className="card">
        <TextField
          id="field-name"
          label="姓名"
          required
          error={errors.name}
          {...NAME_INPUT}
          value={form.name}
          onInput={(v) => set('name', v)}
          testId="input-name"
        />
        <TextField
          id="field-idNumber"
          label="身份证号"
          required
          error={errors.idNumber}
          hint={facts ? `性别：${Gender.map[facts.gender]}（由身份证号得出）` : '18 位居民身份证号码'}
          {...ID_NUMBER_INPUT}
          value={form.idNumber}
          onInput={(v) => set('idNumber', v)}
          testId="input-idNumber"
        />
        <TextField
          id="field-employer"
          label="单位"
          required
          error={errors.employer}
          hint="已退休的可填原单位"
          maxlength={60}
          value={form.employer}
          onInput={(v) => set('employer', v)}
          testId="input-employer"
        />
        <TextField
          id="field-position"
          label="职务/职称"
          required
          error={errors.position}
          maxlength={40}
          value={form.position}
          onInput={(v) => set('position', v)}
          testId="input-position"
        />
        <TextField
          id="field-mobile"
          label="手机号"
          required
          error={errors.mobile}
          hint="长辈本人或家人的手机号"
          type="number"
          maxlength={11}
          value={form.mobile}
          onInput={(v) => set('mobile', v)}
          testId="input-mobile"
        />
      </View>

      <Text className="section-title">服务技能与时间</Text>
      <View className="card">
        <FormField id="field-skills" label="可提供的服务（可多选）" required error={errors.skills}>
          <ChoiceChips
            options={SKILLS}
            selected={form.skills}
            testId="skill"
            onToggle={(v) => set('skills', toggled(ActivityType.values, form.skills, v))}
          />
        </FormField>
        <FormField id="field-slots" label="可参加服务的时间（可多选）" required error={errors['availability.slots']}>
          <ChoiceChips
            options={SLOTS}
            selected={form.slots}
            testId="slot"
            onToggle={(v) => set('slots', toggled(AvailabilitySlot.values, form.slots, v))}
          />
        </FormField>
        <FormField id="field-source" label="志愿者来源" required error={errors.source}>
          <Picker
            mode="selector"
            range={SOURCE_LABELS}
            value={sourceIndex}
            onChange={(e) => set('source', SourceCategory.values[Number(e.detail.value)])}
            data-testid="picker-source"
          >
            <View className={`form-input${form.source ? '' : ' form-input--placeholder'}`}>
              {form.source ? SourceCategory.map[form.source] : '请选择志愿者来源'}
            </View>
          </Picker>
        </FormField>
        <FormField id="field-teamId" label="加入的队伍" required error={errors.teamId}>
          <TeamPicker value={form.teamId} onChange={(id) => set('teamId', id)} />
        </FormField>
      </View>

      <Text className="section-title">代为注册声明</Text>
      <View className="card">
        <FormField id="field-relation" label="您是长辈的" required error={r.proxyErrors.relation}>
          <ChoiceChips
            options={RELATIONS}
            selected={r.proxy.relation ? [r.proxy.relation] : []}
            testId="relation"
            onToggle={(v) => r.setHelper('relation', v)}
          />
        </FormField>
        <PrivacyNotice />
        <TextField
          id="field-elderName"
          label="请再次填写长辈姓名"
          required
          error={r.proxyErrors.elderName}
          hint="用于下方的同意声明，须与长辈的姓名一致"
          maxlength={20}
          value={r.proxy.elderName}
          onInput={(v) => r.setHelper('elderName', v)}
          testId="input-elderName"
        />
        <FormField id="field-consent" label="同意声明" required error={r.proxyErrors.consent}>
          <ConsentCheck
            block="register-for"
            checked={r.proxy.consent}
            testId="proxy-consent"
            onToggle={() => r.setHelper('consent', !r.proxy.consent)}
          >
            <Text data-testid="statement">{r.statement ?? '选择关系并填写长辈姓名后，这里显示同意声明。'}</Text>
          </ConsentCheck>
        </FormField>
      </View>

      <View className="register-for__footer">
        {r.formError ? (
          <Text className="register-for__error" data-testid="form-error">
            {r.formError}
          </Text>
        ) : null}
        <Button
          className="register-for__submit"
          type="primary"
          loading={flag(r.busy)}
          disabled={flag(r.busy)}
          onClick={r.submit}
          data-testid="submit"
        >
          {r.busy ? '正在提交…' : '代为提交'}
        </Button>
      </View>
    </View>
  )
}

export default withScreen(RegisterForPage)
