import { Button, Text, Textarea, View } from '@tarojs/components'
import { FormField } from '../../../../components/FormField'
import { TextField } from '../../../../components/TextField'
import { withScreen } from '../../../../components/Screen'
import { flag } from '../../../../utils/flag'
import { useAppeal } from './use-appeal'
import { ID_NUMBER_INPUT, NAME_INPUT } from '../register/identity-inputs'
import './index.scss'

/**
 * 申诉: someone whose ID number is already registered asks the holder's team administrators to
 * check it; they may 作废 a false registration, which frees the number. The answer never says
 * whether or where the number is registered.
 */
function AppealPage() {
  const a = useAppeal()

  if (a.sent) {
    return (
      <View className="appeal">
        <View className="card" data-testid="appeal-sent">
          <Text className="appeal__title">申诉已提交</Text>
          <Text className="appeal__text">
            管理员会核实这个身份证号的注册情况，并通过你留下的手机号联系你。核实后如果注册被作废，你就可以用本人身份证号重新注册。
          </Text>
          <Button className="appeal__button" type="primary" onClick={a.backToMe}>
            返回“我的”
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className="appeal">
      <View className="card">
        <Text className="appeal__title">身份证号无法使用时提出申诉</Text>
        <Text className="appeal__text">
          如果这是你本人的身份证号，却提示无法使用，可能有人用它注册过。请填写以下信息，由管理员核实处理；核实期间你的信息只用于这次申诉。
        </Text>
      </View>
      <View className="card">
        <TextField
          id="field-name"
          label="姓名"
          required
          error={a.errors.name}
          {...NAME_INPUT}
          value={a.form.name}
          onInput={(v) => a.edit('name', v)}
          testId="input-name"
        />
        <TextField
          id="field-idNumber"
          label="身份证号"
          required
          error={a.errors.idNumber}
          {...ID_NUMBER_INPUT}
          value={a.form.idNumber}
          onInput={(v) => a.edit('idNumber', v)}
          testId="input-idNumber"
        />
        <TextField
          id="field-mobile"
          label="手机号"
          required
          error={a.errors.mobile}
          hint="管理员用它联系你核实情况"
          type="number"
          placeholder="11 位手机号"
          maxlength={11}
          value={a.form.mobile}
          onInput={(v) => a.edit('mobile', v)}
          testId="input-mobile"
        />
        <FormField id="field-note" label="申诉说明" required error={a.errors.note}>
          <Textarea
            className="form-input appeal__note"
            placeholder="如：我从未注册过，不知道是谁用我的身份证号注册"
            maxlength={200}
            value={a.form.note}
            onInput={(e) => a.edit('note', e.detail.value)}
            data-testid="input-note"
          />
        </FormField>
      </View>
      <View className="appeal__footer">
        {a.formError ? (
          <Text className="appeal__error" data-testid="form-error">
            {a.formError}
          </Text>
        ) : null}
        <Button type="primary" loading={flag(a.busy)} disabled={flag(a.busy)} onClick={a.send} data-testid="submit">
          提交申诉
        </Button>
      </View>
    </View>
  )
}

export default withScreen(AppealPage)
