/**
 * Rules both file adapters follow. Kept apart from `files.ts` because inside `files.weapp.ts` an
 * import of `./files` resolves to the adapter itself.
 */

/** Files above this are not a filled-in roster template (2000 rows is a few hundred KB). */
export const MAX_SPREADSHEET_BYTES = 5 * 1024 * 1024

export const TOO_LARGE = '文件超过 5 MB，请确认选择的是填写好的导入模板'
export const NOT_XLSX = '请选择 .xlsx 格式的表格文件（可用 Excel 或 WPS 另存为 .xlsx）'
export const UPLOAD_FAILED = '文件上传失败，请检查网络后重试'
export const OPEN_FAILED = '模板下载失败，请稍后重试'

export const isXlsx = (name: string) => /\.xlsx$/i.test(name)

/** A storage path no other upload shares; ASCII only, whatever the user called the file. */
export function uniqueCloudPath(cloudDir: string, ext = 'xlsx'): string {
  return `${cloudDir}/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`
}

export const PHOTO_FAILED = '照片上传失败，请检查网络后重试'
export const SAVE_FAILED = '图片保存失败，请重试'
/** Photos above this after compression are refused (a phone photo compresses to well under it). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024
