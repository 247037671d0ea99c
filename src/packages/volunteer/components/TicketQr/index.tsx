import { Canvas, Text, View } from '@tarojs/components'
import Taro, { useReady } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { findCanvas } from '../../../../components/qr/find-canvas'
import { drawQr, qrModules, type Ctx2d } from '../../../../components/qr/qr'
import './index.scss'

const CANVAS_ID = 'ticket-qr'

/** Width of the code in CSS px: most of the screen, so it scans from arm's length. */
function codeWidth(): number {
  const { windowWidth = 375 } = Taro.getSystemInfoSync()
  return Math.min(360, Math.round(windowWidth * 0.82))
}

/** The check-in code of a ticket, drawn from its signed token on a Canvas 2D node. */
export function TicketQr({ token }: { token: string }) {
  const [ready, setReady] = useState(false)
  const [failed, setFailed] = useState(false)
  const width = useRef(codeWidth()).current

  useReady(() => setReady(true))
  // A page already ready when the ticket arrives (loaded from storage or the network) does not fire
  // useReady again; the effect below runs after the canvas is in the tree either way.
  useEffect(() => {
    const t = setTimeout(() => setReady(true), 0)
    return () => clearTimeout(t)
  }, [])

  useEffect(() => {
    if (!ready) return
    let stale = false
    void (async () => {
      const canvas = await findCanvas(`#${CANVAS_ID}`)
      if (stale) return
      const ctx = canvas?.getContext('2d') as Ctx2d | null | undefined
      if (!canvas || !ctx) {
        console.warn('[ticket] canvas node not found')
        setFailed(true)
        return
      }
      const dpr = Taro.getSystemInfoSync().pixelRatio || 2
      const px = Math.round(width * dpr)
      canvas.width = px
      canvas.height = px
      drawQr(ctx, qrModules(token), px)
      setFailed(false)
    })()
    return () => {
      stale = true
    }
  }, [ready, token, width])

  return (
    <View className="ticket-qr">
      <Canvas
        type="2d"
        id={CANVAS_ID}
        className="ticket-qr__canvas"
        style={{ width: `${width}px`, height: `${width}px` }}
        data-testid="ticket-qr"
      />
      {failed ? <Text className="ticket-qr__failed">签到码显示失败，请向组织者出示下方的签到码文本。</Text> : null}
    </View>
  )
}
