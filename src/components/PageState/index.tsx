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

/** Under a paged list: loading the next page, its failure with 重试, more to come, or the end. */
export function ListFooter(props: {
  loadingMore: boolean
  moreError?: { message: string } | null
  hasMore: boolean
  onRetry: () => void
  endText: string
}) {
  return (
    <View className="list-footer" data-testid="list-footer">
      {props.loadingMore ? (
        <Text>加载中…</Text>
      ) : props.moreError ? (
        <>
          <Text>{props.moreError.message}</Text>
          <Button className="list-footer__retry" size="mini" onClick={props.onRetry}>
            重试
          </Button>
        </>
      ) : props.hasMore ? (
        <Text>上拉加载更多</Text>
      ) : (
        <Text>{props.endText}</Text>
      )}
    </View>
  )
}

/** A refresh failed while older data stays on screen: say so, and offer 重试. */
export function StaleNotice({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="stale-notice" data-testid="stale">
      <Text>{message}</Text>
      <Text className="stale-notice__retry" onClick={onRetry}>
        重试
      </Text>
    </View>
  )
}
