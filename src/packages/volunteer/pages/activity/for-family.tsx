import { Button, Text, View } from '@tarojs/components'
import { busyProps } from '../../../../utils/flag'
import { familyConsentText, useForFamily } from './use-for-family'
import './for-family.scss'

/**
 * 为家人报名: shown only to someone who registered a family member (代为注册) while the activity
 * takes sign-ups. Each sign-up asks again for the family member's consent to this activity.
 */
export function ForFamily(props: { activityId: string; title: string; onDone: () => Promise<unknown> }) {
  const f = useForFamily(props.activityId, props.onDone)
  if (f.loading) return null
  // Whether the caller registered anyone is unknown until an answer: a first failure shows nothing
  // rather than an error about a section most people never have; a reload tries again.
  if (f.rows.length === 0) return null
  const c = f.chosen
  return (
    <View className="card family" data-testid="for-family">
      <Text className="family__title">为家人报名</Text>
      {c ? (
        <View data-testid="family-consent">
          <Text className="family__name">为{c.name}报名</Text>
          <View
            className={`family__consent${f.consent ? ' family__consent--on' : ''}`}
            role="checkbox"
            aria-checked={f.consent}
            onClick={f.toggleConsent}
            data-testid="family-consent-toggle"
          >
            <Text className="family__box">{f.consent ? '✓' : ''}</Text>
            <Text className="family__statement">{familyConsentText(c.name, props.title)}</Text>
          </View>
          {f.consentError || f.actionError ? (
            <Text className="family__error" data-testid="family-error-text">
              {f.consentError ?? f.actionError}
            </Text>
          ) : null}
          <View className="family__buttons">
            <Button className="family__button" onClick={() => f.choose(null)}>
              返回
            </Button>
            <Button
              className="family__button"
              type="primary"
              {...busyProps(f.busy)}
              onClick={f.send}
              data-testid="family-submit"
            >
              确认报名
            </Button>
          </View>
        </View>
      ) : (
        f.rows.map((r) => (
          <View className="family__row" key={r.id} data-testid={`family-${r.id}`}>
            <View className="family__who">
              <Text className="family__name">{r.name}</Text>
              {r.note ? <Text className="family__note">{r.note}</Text> : null}
            </View>
            {r.note === null ? (
              <Button
                className="family__button"
                type="primary"
                onClick={() => f.choose(r.id)}
                data-testid={`family-choose-${r.id}`}
              >
                为其报名
              </Button>
            ) : r.canShowCode && r.ticketId ? (
              <Button
                className="family__button"
                onClick={() => f.showTicket(r.ticketId!)}
                data-testid={`family-code-${r.id}`}
              >
                签到码
              </Button>
            ) : null}
          </View>
        ))
      )}
    </View>
  )
}
