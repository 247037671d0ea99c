/**
 * One sheet of check-in codes for volunteers without a smartphone: three codes a row, each with the
 * masked name under it, drawn on a Canvas 2D context and saved as one picture to print.
 */
import { drawQr, qrModules, type Ctx2d } from '../../../components/qr/qr'

export interface SheetCtx extends Ctx2d {
  font: string
  textAlign: string
  fillText(text: string, x: number, y: number): void
  save(): void
  restore(): void
  translate(x: number, y: number): void
}

export interface SheetItem {
  nameMasked: string
  token: string
}

/** Device pixels; a row is 470 high, so a sheet of MAX_PER_SHEET stays under 4096 (phones' canvas limit). */
export const SHEET = { cols: 3, cell: 400, code: 360, row: 470, margin: 40, header: 110 }
export const MAX_PER_SHEET = 24

export function sheetSize(count: number): { width: number; height: number } {
  const rows = Math.max(1, Math.ceil(count / SHEET.cols))
  return {
    width: SHEET.margin * 2 + SHEET.cols * SHEET.cell,
    height: SHEET.header + rows * SHEET.row + SHEET.margin,
  }
}

/** Where each code's square starts (top-left), in order. */
export function cellOrigins(count: number): { x: number; y: number }[] {
  return Array.from({ length: count }, (_, i) => ({
    x: SHEET.margin + (i % SHEET.cols) * SHEET.cell + (SHEET.cell - SHEET.code) / 2,
    y: SHEET.header + Math.floor(i / SHEET.cols) * SHEET.row,
  }))
}

export function drawSheet(ctx: SheetCtx, title: string, items: SheetItem[]): void {
  const { width, height } = sheetSize(items.length)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, width, height)
  ctx.fillStyle = '#000000'
  ctx.textAlign = 'center'
  ctx.font = '40px sans-serif'
  ctx.fillText(`${title} · 签到码`, width / 2, 70)
  const origins = cellOrigins(items.length)
  items.forEach((item, i) => {
    const { x, y } = origins[i]
    ctx.save()
    ctx.translate(x, y)
    drawQr(ctx, qrModules(item.token), SHEET.code)
    ctx.restore()
    ctx.fillStyle = '#000000'
    ctx.font = '36px sans-serif'
    ctx.fillText(item.nameMasked, x + SHEET.code / 2, y + SHEET.code + 50)
  })
}
