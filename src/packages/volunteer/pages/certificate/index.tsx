import { Button, Canvas, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { appUrl } from '../../../../routes'
import { EmptyState, ErrorState, Loading } from '../../../../components/PageState'
import { busyProps } from '../../../../utils/flag'
import { toCertificateView } from './certificate-view'
import { useCertificate } from './use-certificate'
import { CERT_CANVAS_ID, useSaveImage } from './use-save-image'
import './index.scss'

/** 服务记录证明: the volunteer picks the team that recorded the service (谁记录谁证明) and gets its certificate. */
export default function CertificatePage() {
  const s = useCertificate()
  const view = s.certificate ? toCertificateView(s.certificate) : null
  const image = useSaveImage(view)

  if (!s.issuers) {
    if (s.error && !s.loading) return <ErrorState message={s.error.message} onRetry={s.reload} />
    return <Loading />
  }
  if (s.issuers.length === 0) {
    return (
      <EmptyState
        title="还没有可以出具证明的服务记录"
        hint="参加活动并签到签退后，组织活动的队伍可以为你出具服务记录证明。"
      />
    )
  }

  if (!view) {
    return (
      <View className="cert">
        <Text className="section-title">选择出具证明的队伍</Text>
        <View className="card" data-testid="issuers">
          <Text className="cert__hint">按“谁记录谁证明”，每个队伍只证明它组织的活动中的服务。</Text>
          {s.issuers.map((t) => (
            <View
              key={t.id}
              role="radio"
              aria-checked={s.chosen === t.id}
              className={`cert__choice${s.chosen === t.id ? ' cert__choice--on' : ''}`}
              data-testid={`issuer-${t.id}`}
              onClick={() => s.choose(t.id)}
            >
              <Text>{t.name}</Text>
            </View>
          ))}
          {s.requestError ? <Text className="cert__error">{s.requestError}</Text> : null}
          <Button
            className="cert__button"
            type="primary"
            {...(s.chosen ? busyProps(s.busy) : { disabled: true })}
            onClick={s.request}
          >
            {s.chosen ? '出具服务记录证明' : '请先选择队伍'}
          </Button>
        </View>
      </View>
    )
  }

  return (
    <View className="cert">
      <View className="cert__paper" data-testid="certificate">
        <Text className="cert__title">{view.title}</Text>
        <Text className="cert__body">{view.body}</Text>
        {view.lines.map((l) => (
          <View key={l.key} className="cert__line" data-testid={`line-${l.key}`}>
            <Text className="cert__line-head">
              {l.date} {l.content}
            </Text>
            <Text className={`cert__hours${l.makeup ? ' cert__hours--makeup' : ''}`}>服务时间：{l.hours}</Text>
          </View>
        ))}
        <Text className="cert__total" data-testid="total">
          {view.total}
        </Text>
        <Text className="cert__meta">{view.issuer}</Text>
        <Text className="cert__meta">{view.issuedOn}</Text>
        <Text className="cert__meta" data-testid="serial">
          {view.serial}
        </Text>
        <Text className="cert__meta" data-testid="code">
          {view.code}
        </Text>
        <Text className="cert__hint">{view.rule}</Text>
        <Text className="cert__hint">他人可在“核验服务记录证明”中输入编号和核验码核验本证明。</Text>
      </View>
      {image.error ? <Text className="cert__error">{image.error}</Text> : null}
      <Button className="cert__button" type="primary" {...busyProps(image.busy)} onClick={image.save}>
        {image.busy ? '正在生成图片…' : '保存为图片'}
      </Button>
      <Button
        className="cert__button"
        onClick={() => Taro.navigateTo({ url: appUrl.verifyCertificate(s.certificate!.serial) })}
      >
        核验本证明
      </Button>
      <Button className="cert__button" onClick={s.back}>
        选择其他队伍
      </Button>
      {/* Drawn only for the image, off screen; its size is set when drawing. */}
      <Canvas
        type="2d"
        id={CERT_CANVAS_ID}
        className="cert__canvas"
        style={image.drawing ? { width: `${image.drawing.width}px`, height: `${image.drawing.height}px` } : undefined}
      />
    </View>
  )
}
