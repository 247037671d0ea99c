import { Button, Input, Text, View } from '@tarojs/components'
import { FormField } from '../../../../components/FormField'
import { TextField } from '../../../../components/TextField'
import { useActivate } from './use-activate'
import { flag } from '../../../../utils/flag'
import { ID_NUMBER_INPUT } from '../register/identity-inputs'
import './index.scss'
import { withScreen } from '../../../../components/Screen'

function ActivatePage() {
  const a = useActivate()
  const claim = a.mode === 'claim'

  return (
    <View className="activate">
      <View className="card">
        <Text className="activate__title">{claim ? '集体注册激活' : '激活志愿者身份'}</Text>
        <Text className="activate__text">
          {claim
            ? '如果你所在的队伍已为你集体注册，请输入本人身份证号和管理员提供的 6 位激活码。激活后，这条注册记录将绑定到当前微信。'
            : '审核通过后，请填写审核通过消息中的 6 位激活码进行激活。激活码也显示在“我的”页面的消息通知里。激活后即可在“活动”中报名。'}
        </Text>
      </View>

      {a.blocked ? (
        <View className="card activate__blocked" data-testid="blocked">
          <Text className="activate__blocked-title">暂时无法激活</Text>
          <Text className="activate__text">{a.blocked}</Text>
          <Text className="activate__text">
            请联系所在队伍的管理员重新发放激活码。新激活码会通过微信消息发送，也会显示在“我的”页面的消息通知里。
          </Text>
          <Button className="activate__back" onClick={a.backToMe}>
            返回“我的”
          </Button>
        </View>
      ) : (
        <>
          <View className="card">
            {claim ? (
              <TextField
                id="field-idNumber"
                label="身份证号"
                required
                error={a.errors.idNumber}
                {...ID_NUMBER_INPUT}
                value={a.idNumber}
                onInput={(v) => a.edit('idNumber', v)}
                testId="input-idNumber"
              />
            ) : null}
            <FormField
              id="field-code"
              label="激活码"
              required
              error={a.errors.code}
              hint={claim ? '由队伍管理员提供' : '审核通过消息中的 6 位数字'}
            >
              <Input
                className="form-input activate__code"
                type="number"
                placeholder="6 位数字激活码"
                maxlength={6}
                value={a.code}
                onInput={(e) => a.edit('code', e.detail.value)}
                data-testid="input-code"
              />
            </FormField>
          </View>
          <View className="activate__footer">
            {a.formError ? (
              <Text className="activate__error" data-testid="form-error">
                {a.formError}
              </Text>
            ) : null}
            <Button
              type="primary"
              loading={flag(a.busy)}
              disabled={flag(a.busy)}
              onClick={a.submit}
              data-testid="submit"
            >
              {a.busy ? '正在激活…' : '激活'}
            </Button>
          </View>
        </>
      )}
    </View>
  )
}

export default withScreen(ActivatePage)
