import { Button, Text, View } from '@tarojs/components'
import { TextField } from '../../../../components/TextField'
import { busyProps } from '../../../../utils/flag'
import { useVerify } from './use-verify'
import { checkLines } from './verify-form'
import './index.scss'

/** Public: check a 服务记录证明 by its serial and verification code. */
export default function VerifyPage() {
  const s = useVerify()
  return (
    <View className="verify">
      <View className="card">
        <Text className="verify__hint">输入证明上的编号和核验码，核验证明是否由本系统出具。</Text>
        <TextField
          id="verify-serial"
          label="证明编号"
          error={s.errors.serial}
          placeholder="如 ZM2024000123"
          value={s.serial}
          onInput={(v) => s.setSerial(v)}
          testId="verify-serial-input"
        />
        <TextField
          id="verify-code"
          label="核验码"
          error={s.errors.code}
          placeholder="8 位字母或数字"
          value={s.code}
          onInput={(v) => s.setCode(v)}
          testId="verify-code-input"
        />
        {s.requestError ? <Text className="verify__error">{s.requestError}</Text> : null}
        <Button className="verify__button" type="primary" {...busyProps(s.busy)} onClick={s.verify}>
          核验
        </Button>
      </View>
      {s.result ? (
        s.result.valid ? (
          <View className="card verify__result verify__result--ok" data-testid="genuine">
            <Text className="verify__verdict">✓ 证明真实有效</Text>
            {checkLines(s.result).map((l) => (
              <Text key={l} className="verify__line">
                {l}
              </Text>
            ))}
          </View>
        ) : (
          <View className="card verify__result verify__result--bad" data-testid="not-genuine">
            <Text className="verify__verdict">✗ 未查到此证明</Text>
            <Text className="verify__line">
              编号或核验码不符，请核对证明上的文字后重试；仍不符的证明不是本系统出具的。
            </Text>
          </View>
        )
      ) : null}
    </View>
  )
}
