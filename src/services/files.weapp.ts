import Taro from '@tarojs/taro'
import { ensureInit } from './cloud.weapp'
import type { FileOutcome, FileService, UploadedFile, UploadedPhoto } from './files'
import {
  isXlsx,
  MAX_SPREADSHEET_BYTES,
  NOT_XLSX,
  OPEN_FAILED,
  PHOTO_FAILED,
  SAVE_FAILED,
  TOO_LARGE,
  UPLOAD_FAILED,
  uniqueCloudPath,
} from './files-shared'

const cancelled = { ok: false, cancelled: true, message: '' } as const
const failed = (message: string) => ({ ok: false, cancelled: false, message }) as const

/** WeChat reports a closed picker as a failure whose errMsg ends in "cancel". */
const isCancel = (e: unknown) => /cancel/i.test((e as { errMsg?: string } | null)?.errMsg ?? '')
/** WeChat failures carry errMsg; anything else (an API missing on an old client) is an Error. */
const reason = (e: unknown) => (e instanceof Error ? e.message : (e as { errMsg?: string } | null)?.errMsg)

export const files: FileService = {
  /**
   * A mini program cannot save into the phone's folders: download to a temporary file and open it
   * in WeChat's viewer, whose menu (showMenu) forwards it to a chat or opens it in another app.
   * https://developers.weixin.qq.com/miniprogram/dev/api/file/wx.openDocument.html
   */
  async openSpreadsheet(url): Promise<FileOutcome<void>> {
    try {
      const d = await Taro.downloadFile({ url })
      if (d.statusCode !== 200) return failed(OPEN_FAILED)
      await Taro.openDocument({ filePath: d.tempFilePath, fileType: 'xlsx', showMenu: true })
      return { ok: true, data: undefined }
    } catch (e) {
      console.warn('[files] template download failed', reason(e))
      return failed(OPEN_FAILED)
    }
  },

  /**
   * Office workers receive the filled template in a WeChat chat, so the picker lists chat files.
   * https://developers.weixin.qq.com/miniprogram/dev/api/media/image/wx.chooseMessageFile.html
   */
  async pickSpreadsheet(cloudDir, onUploading): Promise<FileOutcome<UploadedFile>> {
    let picked: { path: string; name: string; size: number } | undefined
    try {
      // Taro 4.2.1 passes chooseMessageFile through unwrapped (it is missing from its promise API
      // lists), so callbacks, which work whether or not the client returns a promise.
      const r = await new Promise<Taro.chooseMessageFile.SuccessCallbackResult>((success, fail) => {
        void Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'], success, fail })
      })
      picked = r.tempFiles[0]
    } catch (e) {
      if (isCancel(e)) return cancelled
      console.warn('[files] chooseMessageFile failed', reason(e))
      return failed('无法打开聊天文件，请稍后重试')
    }
    if (!picked) return cancelled
    if (!isXlsx(picked.name)) return failed(NOT_XLSX)
    if (picked.size > MAX_SPREADSHEET_BYTES) return failed(TOO_LARGE)
    onUploading?.(picked.name)
    try {
      ensureInit()
      const up = await Taro.cloud.uploadFile({ cloudPath: uniqueCloudPath(cloudDir), filePath: picked.path })
      return { ok: true, data: { fileID: up.fileID, name: picked.name } }
    } catch (e) {
      console.warn('[files] upload failed', reason(e))
      return failed(UPLOAD_FAILED)
    }
  },
  /**
   * https://developers.weixin.qq.com/miniprogram/dev/api/media/video/wx.chooseMedia.html and
   * wx.compressImage: photos leave the phone compressed (a village hall's signal is weak).
   */
  async pickPhotos(cloudDir, max, onUploading): Promise<FileOutcome<UploadedPhoto[]>> {
    let paths: string[]
    try {
      const r = await Taro.chooseMedia({ count: max, mediaType: ['image'], sizeType: ['compressed'] })
      paths = r.tempFiles.map((f) => f.tempFilePath)
    } catch (e) {
      if (isCancel(e)) return cancelled
      console.warn('[files] chooseMedia failed', reason(e))
      return failed('无法打开相册或相机，请检查微信的权限设置')
    }
    if (paths.length === 0) return cancelled
    onUploading?.(paths.length)
    const uploaded: UploadedPhoto[] = []
    try {
      ensureInit()
      for (const path of paths.slice(0, max)) {
        const small = await Taro.compressImage({ src: path, quality: 70 })
          .then((c) => c.tempFilePath)
          .catch(() => path)
        const up = await Taro.cloud.uploadFile({ cloudPath: uniqueCloudPath(cloudDir, 'jpg'), filePath: small })
        uploaded.push({ fileID: up.fileID, preview: small })
      }
      return { ok: true, data: uploaded }
    } catch (e) {
      console.warn('[files] photo upload failed', reason(e))
      return uploaded.length ? { ok: true, data: uploaded } : failed(PHOTO_FAILED)
    }
  },

  /**
   * https://developers.weixin.qq.com/miniprogram/dev/api/canvas/wx.canvasToTempFilePath.html (a
   * Canvas 2D node goes in `canvas`) and wx.saveImageToPhotosAlbum, which asks for the album permission.
   */
  async saveCanvasImage(canvas): Promise<FileOutcome<void>> {
    try {
      const { tempFilePath } = await Taro.canvasToTempFilePath({
        canvas: canvas as unknown as Taro.canvasToTempFilePath.Option['canvas'],
        fileType: 'png',
      })
      await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath })
      return { ok: true, data: undefined }
    } catch (e) {
      if (isCancel(e)) return cancelled
      console.warn('[files] save image failed', reason(e))
      return failed(/auth/i.test(reason(e) ?? '') ? '请在设置中允许保存到相册后重试' : SAVE_FAILED)
    }
  },
}
