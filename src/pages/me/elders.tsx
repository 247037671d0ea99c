import { Button, Text, View } from '@tarojs/components'
import { busyProps } from '../../utils/flag'
import { useElders } from './use-elders'
import './elders.scss'

/**
 * 我代为注册的家人: shown only to someone who registered a family member or team member (代为注册),
 * with each person's status and the sign-ups made for them (代为报名). Nothing while loading: the
 * section is extra to 我的, which must not flash an empty box for everyone else.
 */
export function Elders() {
  const e = useElders()
  if (e.loading) return null
  // Whether the caller registered anyone is unknown until an answer: a first failure shows nothing
  // rather than an error about a section most people never have; a reload tries again.
  if (e.rows.length === 0) return null
  return (
    <>
      <Text className="section-title">我代为注册的家人</Text>
      <View className="card elders" data-testid="elders">
        {e.error ? (
          <View className="elders__stale" data-testid="elders-stale">
            <Text className="elders__error">
              {e.offline ? '网络不可用，显示的是上次保存在手机上的报名，签到码仍可出示。' : e.error.message}
            </Text>
            <Button className="elders__button" onClick={() => void e.reload()}>
              重试
            </Button>
          </View>
        ) : null}
        {e.actionError ? (
          <Text className="elders__error" data-testid="elders-action-error">
            {e.actionError}
          </Text>
        ) : null}
        {e.rows.map((r) => (
          <View className="elders__person" key={r.id} data-testid={`elder-${r.id}`}>
            <View className="elders__head">
              <Text className="elders__name">{r.title}</Text>
              <Text className={`elders__badge elders__badge--${r.status}`}>{r.statusLabel}</Text>
            </View>
            <Text className="elders__hint">{r.hint}</Text>
            {r.tickets.map((t) => (
              <View className="elders__ticket" key={t.id} data-testid={`elder-ticket-${t.id}`}>
                <Text className="elders__ticket-title">{t.title}</Text>
                <Text className="elders__hint">
                  {t.when} · {t.state}
                </Text>
                <View className="elders__buttons">
                  {t.canShow ? (
                    <Button
                      className="elders__button"
                      type="primary"
                      onClick={() => e.showTicket(t.id)}
                      data-testid={`elder-show-${t.id}`}
                    >
                      出示签到码
                    </Button>
                  ) : null}
                  {t.canCancel ? (
                    <Button
                      className="elders__button"
                      {...busyProps(e.busy)}
                      onClick={() => e.cancel(t.id)}
                      data-testid={`elder-cancel-${t.id}`}
                    >
                      取消报名
                    </Button>
                  ) : null}
                </View>
              </View>
            ))}
          </View>
        ))}
      </View>
    </>
  )
}
