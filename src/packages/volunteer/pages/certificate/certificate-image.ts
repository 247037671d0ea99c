/**
 * The certificate drawn for 保存为图片: a pure layout (text runs at positions, in CSS px) and a
 * drawer for any Canvas 2D context (WeChat's Canvas node and the browser's canvas alike).
 */
import type { CertificateView } from './certificate-view'

export interface TextRun {
  text: string
  x: number
  y: number
  size: number
  bold?: boolean
  color: string
  align?: 'left' | 'center'
}

export interface Drawing {
  width: number
  height: number
  runs: TextRun[]
}

const TEXT = '#1f2329'
const MUTED = '#646a73'
const TITLE = '#b3261e'
const PAD = 28

/** Splits text into lines of at most `perLine` characters (CJK glyphs are about one em wide). */
export function wrap(text: string, perLine: number): string[] {
  const chars = Array.from(text)
  const out: string[] = []
  for (let i = 0; i < chars.length; i += perLine) out.push(chars.slice(i, i + perLine).join(''))
  return out.length ? out : ['']
}

export function certificateDrawing(v: CertificateView, width = 375): Drawing {
  const runs: TextRun[] = []
  let y = PAD + 24
  const per = (size: number) => Math.max(8, Math.floor((width - 2 * PAD) / size))
  const para = (text: string, size: number, color = TEXT, bold = false, gap = 8) => {
    for (const line of wrap(text, per(size))) {
      runs.push({ text: line, x: PAD, y, size, color, bold })
      y += Math.round(size * 1.5)
    }
    y += gap
  }
  runs.push({ text: v.title, x: width / 2, y, size: 24, bold: true, color: TITLE, align: 'center' })
  y += 48
  para(v.body, 15)
  for (const l of v.lines) {
    para(`${l.date}  ${l.content}`, 15, TEXT, true, 0)
    para(`服务时间：${l.hours}`, 15, l.makeup ? TITLE : MUTED, false, 10)
  }
  para(v.total, 15, TEXT, true, 16)
  para(v.issuer, 15)
  para(v.issuedOn, 15)
  para(v.serial, 15)
  para(v.code, 15)
  para(v.rule, 13, MUTED)
  para('可在“科普益阳”小程序“核验服务记录证明”中输入编号和核验码核验。', 13, MUTED)
  return { width, height: y + PAD, runs }
}

/** The part of CanvasRenderingContext2D the drawer uses. */
export interface Ctx {
  fillStyle: string | unknown
  strokeStyle: string | unknown
  lineWidth: number
  font: string
  textAlign: string
  textBaseline: string
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  scale(x: number, y: number): void
}

export function drawCertificate(ctx: Ctx, d: Drawing, scale: number) {
  ctx.scale(scale, scale)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, d.width, d.height)
  ctx.strokeStyle = TITLE
  ctx.lineWidth = 2
  ctx.strokeRect(10, 10, d.width - 20, d.height - 20)
  ctx.textBaseline = 'middle'
  for (const r of d.runs) {
    ctx.fillStyle = r.color
    ctx.textAlign = r.align ?? 'left'
    ctx.font = `${r.bold ? 'bold ' : ''}${r.size}px sans-serif`
    ctx.fillText(r.text, r.x, r.y)
  }
}
