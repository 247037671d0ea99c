import jsQR from 'jsqr'
import { drawQr, qrModules, QUIET_ZONE, type Ctx2d } from './qr'

/** A context that paints into an RGBA buffer, so the drawing can be read back like a screenshot. */
function pixelCtx(px: number) {
  const data = new Uint8ClampedArray(px * px * 4)
  let colour = 0
  const ctx: Ctx2d = {
    set fillStyle(v: unknown) {
      colour = v === '#ffffff' ? 255 : 0
    },
    get fillStyle() {
      return colour
    },
    fillRect(x, y, w, h) {
      for (let j = y; j < y + h; j++)
        for (let i = x; i < x + w; i++) {
          const o = (j * px + i) * 4
          data.set([colour, colour, colour, 255], o)
        }
    },
  }
  return { ctx, data }
}

const TOKEN = 'KPYY1.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOP'

test('what is drawn decodes back to the token', () => {
  const px = 400
  const { ctx, data } = pixelCtx(px)
  drawQr(ctx, qrModules(TOKEN), px)
  expect(jsQR(data, px, px)?.data).toBe(TOKEN)
})

test('keeps a quiet zone of four modules on every side', () => {
  const qr = qrModules(TOKEN)
  const px = 330
  const { ctx, data } = pixelCtx(px)
  drawQr(ctx, qr, px)
  const unit = Math.floor(px / (qr.size + 2 * QUIET_ZONE))
  const margin = unit * QUIET_ZONE
  const dark = (x: number, y: number) => data[(y * px + x) * 4] === 0
  for (let i = 0; i < px; i++) {
    expect(dark(i, margin - 1) || dark(margin - 1, i)).toBe(false)
  }
  // The top-left finder pattern starts right after the margin.
  expect(dark(margin + 1, margin + 1)).toBe(true)
})
