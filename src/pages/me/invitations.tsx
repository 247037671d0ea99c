import { Button, Text, View } from '@tarojs/components'
import { flag } from '../../utils/flag'
import type { Invitation } from './use-me'

/**
 * 队伍邀请: a team registered the caller (集体注册) while they were registered elsewhere. Until the
 * person accepts they are not its member and it does not see them (issue 10).
 */
export function Invitations(props: {
  invitations: Invitation[]
  answering: string | null
  error: string | undefined
  onAnswer: (teamId: string, accept: boolean) => void
}) {
  if (props.invitations.length === 0) return null
  return (
    <>
      <Text className="section-title">队伍邀请</Text>
      <View className="card" data-testid="invitations">
        {props.error ? (
          <Text className="me__invite-error" data-testid="invitation-error">
            {props.error}
          </Text>
        ) : null}
        {props.invitations.map((i) => (
          <View className="me__invite" key={i.teamId} data-testid={`invitation-${i.teamId}`}>
            <Text className="me__invite-title">{i.teamName}邀请你加入</Text>
            <Text className="me__invite-hint">
              {i.canAccept
                ? `${i.at} 由该队伍集体注册时发出。接受后成为该队伍成员，队伍管理员可以看到你的姓名、单位和职务。`
                : `${i.at} 发出。激活后才能接受邀请。`}
            </Text>
            <View className="me__invite-buttons">
              <Button
                className="me__invite-button"
                type="primary"
                disabled={flag(!i.canAccept || props.answering !== null)}
                loading={flag(props.answering === i.teamId)}
                onClick={() => props.onAnswer(i.teamId, true)}
                data-testid={`accept-${i.teamId}`}
              >
                接受
              </Button>
              <Button
                className="me__invite-button"
                disabled={flag(props.answering !== null)}
                onClick={() => props.onAnswer(i.teamId, false)}
                data-testid={`decline-${i.teamId}`}
              >
                婉拒
              </Button>
            </View>
          </View>
        ))}
      </View>
    </>
  )
}
