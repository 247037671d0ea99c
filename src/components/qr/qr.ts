import { create } from 'qrcode'

/** A QR symbol as a square of modules; `dark(row, col)`. */
export interface QrModules {
  size: number
  dark: (row: number, col: number) => boolean
}

/** Error-correction M: a signed ticket (~80 bytes) stays a small symbol that scans in poor light. */
export function qrModules(text: string): QrModules {
  const m = create(text, { errorCorrectionLevel: 'M' }).modules
  return { size: m.size, dark: (r, c) => Boolean(m.get(r, c)) }
}

/** The white margin scanners need around a symbol, in modules. */
export const QUIET_ZONE = 4

/** The part of CanvasRenderingContext2D drawing needs (WeChat's Canvas 2D context has the same). */
export interface Ctx2d {
  fillStyle: unknown
  fillRect(x: number, y: number, w: number, h: number): void
}

/**
 * Draws `qr` into a `px`-wide square: white background with the quiet zone, then one square per dark
 * module, on whole device pixels so no module blurs into its neighbour.
 */
export function drawQr(ctx: Ctx2d, qr: QrModules, px: number): void {
  const cells = qr.size + 2 * QUIET_ZONE
  const unit = Math.max(1, Math.floor(px / cells))
  const offset = Math.floor((px - unit * cells) / 2) + unit * QUIET_ZONE
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, px, px)
  ctx.fillStyle = '#000000'
  for (let r = 0; r < qr.size; r++) {
    for (let c = 0; c < qr.size; c++) {
      if (qr.dark(r, c)) ctx.fillRect(offset + c * unit, offset + r * unit, unit, unit)
    }
  }
}
