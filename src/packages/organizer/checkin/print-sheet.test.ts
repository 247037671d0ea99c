import jsQR from 'jsqr'
import { cellOrigins, drawSheet, MAX_PER_SHEET, SHEET, sheetSize, type SheetCtx } from './print-sheet'

/** Paints fillRect into an RGBA buffer (honouring translate), and records the text drawn. */
function pixelCtx(width: number, height: number) {
  const data = new Uint8ClampedArray(width * height * 4)
  const texts: string[] = []
  let colour = 0
  let dx = 0
  let dy = 0
  const stack: [number, number][] = []
  const ctx: SheetCtx = {
    font: '',
    textAlign: '',
    set fillStyle(v: unknown) {
      colour = v === '#ffffff' ? 255 : 0
    },
    get fillStyle() {
      return colour
    },
    fillRect(x, y, w, h) {
      for (let j = y + dy; j < y + dy + h; j++)
        for (let i = x + dx; i < x + dx + w; i++) data.set([colour, colour, colour, 255], (j * width + i) * 4)
    },
    fillText: (t) => void texts.push(t),
    save: () => void stack.push([dx, dy]),
    restore: () => ([dx, dy] = stack.pop()!),
    translate: (x, y) => {
      dx += x
      dy += y
    },
  }
  return { ctx, data, texts }
}

/** The pixels of one code's square, to decode it on its own. */
function crop(data: Uint8ClampedArray, width: number, x: number, y: number, size: number) {
  const out = new Uint8ClampedArray(size * size * 4)
  for (let j = 0; j < size; j++)
    out.set(data.subarray(((y + j) * width + x) * 4, ((y + j) * width + x + size) * 4), j * size * 4)
  return out
}

test('every code on the sheet decodes to its token, with the masked name under it', () => {
  const items = [0, 1, 2, 3].map((i) => ({ nameMasked: `刘${i}*`, token: `KPTOKEN${i}`.padEnd(129, String(i)) }))
  const { width, height } = sheetSize(items.length)
  const { ctx, data, texts } = pixelCtx(width, height)
  drawSheet(ctx, '防灾减灾科普进社区', items)
  cellOrigins(items.length).forEach(({ x, y }, i) => {
    expect(jsQR(crop(data, width, x, y, SHEET.code), SHEET.code, SHEET.code)?.data).toBe(items[i].token)
  })
  expect(texts).toEqual(['防灾减灾科普进社区 · 签到码', '刘0*', '刘1*', '刘2*', '刘3*'])
})

test('a full sheet stays within the canvas size phones allow', () => {
  expect(sheetSize(MAX_PER_SHEET).height).toBeLessThanOrEqual(4096)
  expect(sheetSize(4)).toEqual({ width: 1280, height: 110 + 2 * 470 + 40 })
})
