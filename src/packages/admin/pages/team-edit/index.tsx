import { Button, Text, View } from '@tarojs/components'
import { ChoiceChips } from '../../../../components/ChoiceChips'
import { FormField } from '../../../../components/FormField'
import { TextField } from '../../../../components/TextField'
import { EmptyState, ErrorState, Loading } from '../../../../components/PageState'
import { useParam } from '../../../../hooks/use-param'
import { useTeamEdit, type EditTarget } from './use-team-edit'
import { busyProps } from '../../../../utils/flag'
import './index.scss'

function TeamForm({ target }: { target: EditTarget }) {
  const f = useTeamEdit(target)

  if (!f.team) {
    if (f.loadError && !f.loading) return <ErrorState message={f.loadError.message} onRetry={f.reload} />
    return <Loading />
  }
  const creating = target.mode === 'create'
  if (creating && f.kindOptions.length === 0) {
    return <EmptyState title="不能新建下级队伍" hint={`按照通知，${f.team.name}之下不再设下级队伍。`} />
  }

  return (
    <View className="team-edit">
      <Text className="section-title">{creating ? `在“${f.team.name}”下新建队伍` : '修改队伍名称'}</Text>
      <View className="card">
        {creating ? (
          <FormField id="team-kind" label="队伍类型" required error={f.kindError}>
            <ChoiceChips
              options={f.kindOptions}
              selected={f.kind ? [f.kind] : []}
              onToggle={(k) => f.setKind(k)}
              testId="kind"
            />
          </FormField>
        ) : null}
        <TextField
          id="team-name"
          label="队伍名称"
          required
          error={f.nameError}
          hint="2–40 个字，如：龙光桥街道科技志愿者服务分队"
          placeholder="请输入队伍名称"
          value={f.name}
          maxlength={40}
          onInput={(v) => f.setName(v)}
          testId="name-input"
        />
        {f.formError ? (
          <Text className="team-edit__error" data-testid="form-error">
            {f.formError}
          </Text>
        ) : null}
        <Button className="team-edit__save" type="primary" {...busyProps(f.busy)} onClick={f.save}>
          {f.busy ? '保存中…' : creating ? '创建' : '保存'}
        </Button>
      </View>
    </View>
  )
}

/** `?parentId=` creates a team under it; `?id=` renames that team. */
export default function TeamEditPage() {
  const parentId = useParam('parentId')
  const id = useParam('id')
  if (parentId) return <TeamForm target={{ mode: 'create', parentId }} />
  if (id) return <TeamForm target={{ mode: 'rename', teamId: id }} />
  return <EmptyState title="未指定队伍" hint="请从队伍页面进入。" />
}
