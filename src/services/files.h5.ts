import type { FileOutcome, FileService, UploadedFile, UploadedPhoto } from './files'
import {
  isXlsx,
  MAX_PHOTO_BYTES,
  MAX_SPREADSHEET_BYTES,
  NOT_XLSX,
  OPEN_FAILED,
  PHOTO_FAILED,
  SAVE_FAILED,
  TOO_LARGE,
  UPLOAD_FAILED,
  uniqueCloudPath,
} from './files-shared'

/**
 * In the browser the app runs against the local cloud's dev server (production ships only the weapp
 * build): files are picked with a plain file input and uploaded to the dev server's storage route,
 * which answers the same fileID `wx.cloud.uploadFile` would.
 */
const TEMPLATE_NAME = '集体注册模板.xlsx'
const PICKER_ATTR = 'data-spreadsheet-picker'

const cancelled = { ok: false, cancelled: true, message: '' } as const
const failed = (message: string) => ({ ok: false, cancelled: false, message }) as const

/** Resolves with the chosen files, or none when the dialog is closed ('cancel' fires since Chrome 113). */
function chooseFiles(accept: string, multiple: boolean): Promise<File[]> {
  // A picker left over from a dialog that never reported back would otherwise pile up.
  document.querySelectorAll(`input[${PICKER_ATTR}]`).forEach((el) => el.remove())
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.multiple = multiple
    input.setAttribute(PICKER_ATTR, '')
    input.style.display = 'none'
    const done = (files: File[]) => {
      input.remove()
      resolve(files)
    }
    input.addEventListener('change', () => done(Array.from(input.files ?? [])))
    input.addEventListener('cancel', () => done([]))
    document.body.appendChild(input)
    input.click()
  })
}

async function upload(cloudDir: string, body: Blob, ext: string): Promise<string | null> {
  const res = await fetch(`/__dev/upload?cloudPath=${encodeURIComponent(uniqueCloudPath(cloudDir, ext))}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body,
  })
  if (!res.ok) return null
  const { fileID } = (await res.json()) as { fileID?: unknown }
  return typeof fileID === 'string' && fileID ? fileID : null
}

function saveAs(href: string, name: string) {
  const a = document.createElement('a')
  a.href = href
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

export const files: FileService = {
  async openSpreadsheet(url): Promise<FileOutcome<void>> {
    try {
      // Fetched first so the file saves under a readable name instead of the storage path.
      const res = await fetch(url)
      if (!res.ok) return failed(OPEN_FAILED)
      const href = URL.createObjectURL(await res.blob())
      saveAs(href, TEMPLATE_NAME)
      setTimeout(() => URL.revokeObjectURL(href), 60_000)
      return { ok: true, data: undefined }
    } catch {
      // Storage on another origin without CORS: let the browser download it in a new tab.
      return window.open(url, '_blank', 'noopener') ? { ok: true, data: undefined } : failed(OPEN_FAILED)
    }
  },

  async pickSpreadsheet(cloudDir, onUploading): Promise<FileOutcome<UploadedFile>> {
    const [file] = await chooseFiles('.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', false)
    if (!file) return cancelled
    if (!isXlsx(file.name)) return failed(NOT_XLSX)
    if (file.size > MAX_SPREADSHEET_BYTES) return failed(TOO_LARGE)
    onUploading?.(file.name)
    try {
      const res = await fetch(`/__dev/upload?cloudPath=${encodeURIComponent(uniqueCloudPath(cloudDir))}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: file,
      })
      if (!res.ok) return failed(UPLOAD_FAILED)
      const { fileID } = (await res.json()) as { fileID?: unknown }
      if (typeof fileID !== 'string' || !fileID) return failed(UPLOAD_FAILED)
      return { ok: true, data: { fileID, name: file.name } }
    } catch {
      return failed(UPLOAD_FAILED)
    }
  },
  // Photos are uploaded as picked: the browser build only runs against the local cloud.
  async pickPhotos(cloudDir, max, onUploading): Promise<FileOutcome<UploadedPhoto[]>> {
    const picked = (await chooseFiles('image/*', true)).slice(0, max)
    if (picked.length === 0) return cancelled
    if (picked.some((f) => f.size > MAX_PHOTO_BYTES)) return failed('照片超过 10 MB，请换一张')
    onUploading?.(picked.length)
    const uploaded: UploadedPhoto[] = []
    try {
      for (const f of picked) {
        const fileID = await upload(cloudDir, f, 'jpg')
        if (!fileID) break
        uploaded.push({ fileID, preview: URL.createObjectURL(f) })
      }
    } catch {
      // reported below
    }
    return uploaded.length ? { ok: true, data: uploaded } : failed(PHOTO_FAILED)
  },

  async saveCanvasImage(canvas, name): Promise<FileOutcome<void>> {
    try {
      saveAs((canvas as unknown as HTMLCanvasElement).toDataURL('image/png'), name)
      return { ok: true, data: undefined }
    } catch {
      return failed(SAVE_FAILED)
    }
  },
}
