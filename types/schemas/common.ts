/** Pieces every function's schemas share. */
import * as v from 'valibot'

export const cursorSchema = v.optional(v.pipe(v.string(), v.maxLength(200)))
export const limitSchema = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)))
export const empty = v.strictObject({})
export const id = v.pipe(v.string('缺少编号'), v.minLength(1, '缺少编号'), v.maxLength(64, '编号无效'))
export const day = v.pipe(v.string('请填写日期'), v.isoDate('日期格式应为 YYYY-MM-DD'))
export const count = v.pipe(
  v.number('请填写人数'),
  v.integer('人数应为整数'),
  v.minValue(0, '人数不能为负'),
  v.maxValue(1_000_000, '人数过大'),
)
/**
 * Free text typed by a person: Unicode NFC (so one name has one spelling), trimmed, bounded, and no
 * control or invisible formatting characters (NUL, bidi overrides, zero-width joiners).
 */
export function text(label: string, min: number, max: number) {
  return v.pipe(
    v.string(`请填写${label}`),
    v.transform((s) => s.normalize('NFC')),
    v.trim(),
    v.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
    v.maxLength(max, `${label}不超过 ${max} 个字`),
    v.regex(/^[^\p{Cc}\p{Cf}]*$/u, `${label}含有不可见字符`),
  )
}
/** The revision of a record a reviewer saw. */
export const revision = v.pipe(
  v.number('缺少版本号'),
  v.integer('版本号无效'),
  v.minValue(0, '版本号无效'),
  v.maxValue(1e9, '版本号无效'),
)

/** Free text that must be filled: an empty answer says "请填写…" rather than a length. */
export const requiredText = (label: string, min: number, max: number) =>
  v.pipe(v.string(`请填写${label}`), v.trim(), v.nonEmpty(`请填写${label}`), text(label, min, max))

/** Optional free text: as `text`, empty when left out. */
export const optionalText = (label: string, max: number) => v.optional(text(label, 0, max), '')
