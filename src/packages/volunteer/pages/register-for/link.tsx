import { Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { appUrl } from '../../../../routes'
import './link.scss'

/** The registration page's way to 代为注册: the same form for an elder, with the helper's statement. */
export function RegisterForLink() {
  return (
    <Button
      className="register-for-link"
      onClick={() => void Taro.navigateTo({ url: appUrl.registerFor() })}
      data-testid="register-for-link"
    >
      为家人代为注册
    </Button>
  )
}
