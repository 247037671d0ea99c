import Taro from '@tarojs/taro'
import { useState } from 'react'
import { files } from '../../../../services/files'
import { findCanvas } from '../../../../components/qr/find-canvas'
import { certificateDrawing, drawCertificate, type Ctx } from './certificate-image'
import type { CertificateView } from './certificate-view'

export const CERT_CANVAS_ID = 'certificate-canvas'

/** 保存为图片: draws the certificate on the page's hidden Canvas 2D node and saves it. */
export function useSaveImage(view: CertificateView | null) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>()

  async function save() {
    if (!view || busy) return
    setBusy(true)
    setError(undefined)
    const d = certificateDrawing(view)
    const canvas = await findCanvas(`#${CERT_CANVAS_ID}`, 10)
    const ctx = canvas?.getContext('2d') as Ctx | null | undefined
    if (!canvas || !ctx) {
      setBusy(false)
      return setError('无法生成图片，可截屏保存本页，编号和核验码同样可以核验')
    }
    const scale = Taro.getSystemInfoSync().pixelRatio || 2
    canvas.width = Math.round(d.width * scale)
    canvas.height = Math.round(d.height * scale)
    drawCertificate(ctx, d, scale)
    const r = await files.saveCanvasImage(canvas, `服务记录证明-${view.serial.replace(/^.*：/, '')}.png`)
    setBusy(false)
    if (r.ok) void Taro.showToast({ title: '已保存到相册', icon: 'success' })
    else if (!r.cancelled) setError(r.message)
  }

  return { busy, error, save, drawing: view ? certificateDrawing(view) : null }
}
