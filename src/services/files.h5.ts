import type { FileOutcome, FileService, UploadedFile } from './files'
import {
  EXPORT_OPEN_FAILED,
  IMAGE_SAVE_FAILED,
  isXlsx,
  MAX_SPREADSHEET_BYTES,
  NOT_XLSX,
  OPEN_FAILED,
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

/** Resolves with the chosen file, or null when the dialog is closed ('cancel' fires since Chrome 113). */
function chooseFile(): Promise<File | null> {
  // A picker left over from a dialog that never reported back would otherwise pile up.
  document.querySelectorAll(`input[${PICKER_ATTR}]`).forEach((el) => el.remove())
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    input.setAttribute(PICKER_ATTR, '')
    input.style.display = 'none'
    const done = (file: File | null) => {
      input.remove()
      resolve(file)
    }
    input.addEventListener('change', () => done(input.files?.[0] ?? null))
    input.addEventListener('cancel', () => done(null))
    document.body.appendChild(input)
    input.click()
  })
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

async function download(url: string, name: string, failMessage: string): Promise<FileOutcome<void>> {
  try {
    // Fetched first so the file saves under a readable name instead of the storage path.
    const res = await fetch(url)
    if (!res.ok) return failed(failMessage)
    const href = URL.createObjectURL(await res.blob())
    saveAs(href, name)
    setTimeout(() => URL.revokeObjectURL(href), 60_000)
    return { ok: true, data: undefined }
  } catch {
    // Storage on another origin without CORS: let the browser download it in a new tab.
    return window.open(url, '_blank', 'noopener') ? { ok: true, data: undefined } : failed(failMessage)
  }
}

export const files: FileService = {
  openSpreadsheet: (url) => download(url, TEMPLATE_NAME, OPEN_FAILED),

  openExport: (url, fileName) => download(url, fileName, EXPORT_OPEN_FAILED),

  async saveCanvasImage(canvas, fileName): Promise<FileOutcome<void>> {
    try {
      saveAs((canvas as HTMLCanvasElement).toDataURL('image/png'), fileName)
      return { ok: true, data: undefined }
    } catch {
      return failed(IMAGE_SAVE_FAILED)
    }
  },

  async pickSpreadsheet(cloudDir, onUploading): Promise<FileOutcome<UploadedFile>> {
    const file = await chooseFile()
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
}
