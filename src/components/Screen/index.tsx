import { View } from '@tarojs/components'
import type { ComponentType, PropsWithChildren } from 'react'
import { useElderMode } from '../../services/elder-mode'
import './index.scss'

/** A screen's root: carries the `elder` class that switches every design token to 长辈模式. */
export function Screen({ children }: PropsWithChildren) {
  const [elder] = useElderMode()
  return (
    <View className={elder ? 'screen elder' : 'screen'} data-testid="screen" data-elder={elder ? 'on' : 'off'}>
      {children}
    </View>
  )
}

/** Wraps a page component in `Screen`, so its loading and error states switch too. */
export function withScreen<P extends object>(Page: ComponentType<P>) {
  function ScreenPage(props: P) {
    return (
      <Screen>
        <Page {...props} />
      </Screen>
    )
  }
  ScreenPage.displayName = `withScreen(${Page.displayName ?? Page.name})`
  return ScreenPage
}
