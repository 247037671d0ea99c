import { Button, Text, View } from '@tarojs/components'
import './index.scss'

/** The first load of a screen. */
export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="page-state" data-testid="loading">
      <Text className="page-state__text">{text}</Text>
    </View>
  )
}

/** A failed load, with the server's or client's Chinese message and a way to try again. */
export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="page-state" data-testid="error">
      <Text className="page-state__text">{message}</Text>
      <Button className="page-state__retry" size="mini" onClick={onRetry}>
        重试
      </Button>
    </View>
  )
}

/** Nothing to show yet; `hint` says what will appear here and when. */
export function EmptyState({ title, hint }: { title: string; hint?: string }) {
  return (
    <View className="page-state" data-testid="empty">
      <Text className="page-state__title">{title}</Text>
      {hint ? <Text className="page-state__text">{hint}</Text> : null}
    </View>
  )
}
