import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components'
import { MAX_PHOTOS } from '../../../../../types/schemas/checkin'
import { FormField } from '../../../../components/FormField'
import { EmptyState, ErrorState, Loading } from '../../../../components/PageState'
import { useParam } from '../../../../hooks/use-param'
import { busyProps } from '../../../../utils/flag'
import { useReport } from './use-report'
import './index.scss'

/** A fileID of the browser's local cloud cannot be shown as an image; WeChat shows cloud:// ones. */
const showable = (preview: string) => process.env.TARO_ENV === 'weapp' || !preview.startsWith('cloud://')

function Report({ activityId }: { activityId: string }) {
  const r = useReport(activityId)
  if (r.loading) return <Loading />
  if (!r.draft) return <ErrorState message={r.error?.message ?? '加载失败'} onRetry={() => void r.reload()} />
  const d = r.draft
  return (
    <View className="report">
      <View className="card">
        <Text className="report__title">{r.title}</Text>
        <Text className="report__line">参与服务的专家人次（签到人数）：{r.checkedIn}</Text>
      </View>
      <View className="card">
        <FormField id="peopleServed" label="接受服务的群众人次" required error={r.errors.peopleServed}>
          <Input
            type="number"
            className="report__input"
            value={d.peopleServed}
            placeholder="例如 120"
            onInput={(e) => r.edit({ peopleServed: e.detail.value })}
            data-testid="people-served"
          />
        </FormField>
      </View>
      <Text className="section-title">亮点活动（名称、时间、地点和人数取自活动与签到）</Text>
      <View className="card">
        <FormField id="content" label="服务内容" error={r.errors.content} hint="不写亮点可留空">
          <Textarea
            className="report__textarea"
            value={d.content}
            maxlength={1000}
            onInput={(e) => r.edit({ content: e.detail.value })}
            data-testid="highlight-content"
          />
        </FormField>
        <FormField id="effect" label="服务效果">
          <Textarea
            className="report__textarea"
            value={d.effect}
            maxlength={500}
            onInput={(e) => r.edit({ effect: e.detail.value })}
            data-testid="highlight-effect"
          />
        </FormField>
        <FormField
          id="photos"
          label={`照片（${d.photos.length}/${MAX_PHOTOS}）`}
          error={r.errors.photos ?? r.photoError ?? undefined}
        >
          <View className="report__photos" data-testid="photo-list">
            {d.photos.map((p, i) => (
              <View className="report__photo" key={p.fileID}>
                {showable(p.preview) ? (
                  <Image className="report__photo-img" src={p.preview} mode="aspectFill" />
                ) : (
                  <Text className="report__photo-name">照片 {i + 1}</Text>
                )}
                <Text
                  className="report__photo-remove"
                  onClick={() => r.removePhoto(p.fileID)}
                  data-testid="remove-photo"
                >
                  删除
                </Text>
              </View>
            ))}
          </View>
          {r.canAddPhoto ? (
            <Button
              className="report__add"
              {...busyProps(r.uploading > 0)}
              onClick={() => void r.addPhotos()}
              data-testid="add-photos"
            >
              {r.uploading ? `正在上传 ${r.uploading} 张…` : '添加照片'}
            </Button>
          ) : null}
        </FormField>
      </View>
      {r.saveError ? <Text className="report__error">{r.saveError}</Text> : null}
      {r.saved ? (
        <Text className="report__saved" data-testid="report-saved">
          已保存
        </Text>
      ) : null}
      <Button
        className="report__save"
        type="primary"
        {...busyProps(r.saving)}
        onClick={() => void r.save()}
        data-testid="save-report"
      >
        保存
      </Button>
    </View>
  )
}

export default function ReportPage() {
  const id = useParam('id')
  if (!id) return <EmptyState title="未指定活动" hint="请从“签到情况”进入。" />
  return <Report activityId={id} />
}
