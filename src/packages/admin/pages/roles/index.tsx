import { Button, Text, View } from '@tarojs/components'
import { ChoiceChips } from '../../../../components/ChoiceChips'
import { FormField } from '../../../../components/FormField'
import { EmptyState, ErrorState, Loading } from '../../../../components/PageState'
import { TeamPicker } from '../../../../components/TeamPicker'
import { Role } from '../../../../../types/enums'
import { MemberPicker } from '../../components/MemberPicker'
import { useParam } from '../../../../hooks/use-param'
import { canRevoke, useRoles, type GrantableRole } from './use-roles'
import { busyProps } from '../../../../utils/flag'
import './index.scss'

function RolesView({ teamId }: { teamId: string }) {
  const s = useRoles(teamId)

  if (!s.team || !s.can || !s.items) {
    if (s.loadError && !s.loading) return <ErrorState message={s.loadError.message} onRetry={s.reload} />
    return <Loading />
  }
  const can = s.can

  return (
    <View className="roles">
      <Text className="section-title">{s.team.name}及下级队伍的任命</Text>
      <View className="card" data-testid="grants">
        {s.items.length === 0 ? (
          <Text className="roles__hint">
            尚无任命。可在下方从成员中任命组织者{can.appointAdmins ? '或管理员' : ''}。
          </Text>
        ) : (
          s.items.map((item) => (
            <View className="roles__item" key={item.id} data-testid={`grant-${item.id}`}>
              <Text className={`roles__badge roles__badge--${item.role}`}>{Role.map[item.role]}</Text>
              <View className="roles__who">
                <Text className="roles__name">{item.name}</Text>
                <Text className="roles__hint">{item.team.name}</Text>
              </View>
              {canRevoke(item, can) ? (
                <Button className="roles__revoke" size="mini" onClick={() => s.revoke(item)}>
                  撤销
                </Button>
              ) : null}
            </View>
          ))
        )}
        {s.revokeError ? (
          <Text className="roles__error" data-testid="revoke-error">
            {s.revokeError}
          </Text>
        ) : null}
      </View>

      {s.roleOptions.length ? (
        <>
          <Text className="section-title">新增任命</Text>
          <View className="card" data-testid="appoint">
            <FormField id="grant-person" label="任命谁" required>
              {s.person ? (
                <View className="roles__person">
                  <Text>
                    {s.person.name}
                    {s.person.employer ? ` · ${s.person.employer}` : ''}
                  </Text>
                  <Text className="roles__link" onClick={s.clearPerson}>
                    重新选择
                  </Text>
                </View>
              ) : (
                <MemberPicker
                  teamId={teamId}
                  actions={(m) => (
                    <Button className="roles__pick" size="mini" onClick={() => s.choose(m)}>
                      选择
                    </Button>
                  )}
                />
              )}
            </FormField>
            <FormField
              id="grant-role"
              label="角色"
              required
              hint={
                can.appointAdmins
                  ? '管理员负责所在队伍及下级队伍的审核与管理；组织者发布本队伍的活动并扫码签到。'
                  : '组织者发布本队伍的活动并扫码签到。管理员由超级管理员（市科协）任命。'
              }
            >
              <ChoiceChips<GrantableRole>
                options={s.roleOptions}
                selected={s.role ? [s.role] : []}
                onToggle={s.setRole}
                testId="role"
              />
            </FormField>
            <FormField id="grant-team" label="所在队伍" required hint="本队伍或其下级队伍">
              <TeamPicker root={s.team} value={s.grantTeam} onChange={s.setGrantTeam} />
            </FormField>
            {s.grantError ? (
              <Text className="roles__error" data-testid="grant-error">
                {s.grantError}
              </Text>
            ) : null}
            <Button className="roles__grant" type="primary" {...busyProps(s.granting)} onClick={s.grant}>
              {s.granting ? '任命中…' : '任命'}
            </Button>
          </View>
        </>
      ) : null}
    </View>
  )
}

/** 任命管理: grants in the team's subtree, revoking them, and appointing organizers (and, for the owner, administrators). */
export default function RolesPage() {
  const teamId = useParam('id')
  if (!teamId) return <EmptyState title="未指定队伍" hint="请从队伍页面进入任命管理。" />
  return <RolesView teamId={teamId} />
}
