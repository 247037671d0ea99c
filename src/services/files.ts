/**
 * Files in and out of cloud storage, behind one interface per platform: `files.weapp.ts` (WeChat's
 * file APIs and `wx.cloud.uploadFile`) and `files.h5.ts` (the browser, against the local cloud).
 * Taro's resolver picks the suffix file for `import './files'`, like `./cloud`; this file only runs
 * where no adapter exists (tests, a target we do not ship) and is the type both must satisfy.
 *
 * Like the typed client, nothing here throws: a failure is a value with a Chinese message.
 */

/** A spreadsheet the user picked, now in cloud storage. */
export interface UploadedFile {
  fileID: string
  /** The name the user knows the file by, to show back. */
  name: string
}

export type FileOutcome<T> =
  | { ok: true; data: T }
  /** `cancelled`: the user closed the picker; nothing to report. */
  | { ok: false; cancelled: boolean; message: string }

/** A photo the user picked, now in cloud storage. */
export interface UploadedPhoto {
  fileID: string
  /** A local path or URL to show it without another download. */
  preview: string
}

/** A Canvas 2D node (WeChat's Canvas, or an HTMLCanvasElement in H5) to save as a picture. */
export interface CanvasLike {
  width: number
  height: number
}

export interface FileService {
  /** Opens an .xlsx behind a temporary URL so the user can view, save or forward it. */
  openSpreadsheet(url: string): Promise<FileOutcome<void>>
  /**
   * Lets the user pick one .xlsx and uploads it under `cloudDir/`. `onUploading` runs once a file is
   * chosen, so the screen shows progress for the upload and not while the picker is still open.
   */
  pickSpreadsheet(cloudDir: string, onUploading?: (name: string) => void): Promise<FileOutcome<UploadedFile>>
  /**
   * Lets the user pick up to `max` photos (camera or album), compresses them on the phone and
   * uploads them under `cloudDir/`. `onUploading` runs once photos are chosen.
   */
  pickPhotos(
    cloudDir: string,
    max: number,
    onUploading?: (count: number) => void,
  ): Promise<FileOutcome<UploadedPhoto[]>>
  /** Saves what `canvas` shows as a picture: to the phone's album, or a download in the browser. */
  saveCanvasImage(canvas: CanvasLike, name: string): Promise<FileOutcome<void>>
}

const unsupported = { ok: false, cancelled: false, message: '当前环境不支持文件操作' } as const

export const files: FileService = {
  openSpreadsheet: async () => unsupported,
  pickSpreadsheet: async () => unsupported,
  pickPhotos: async () => unsupported,
  saveCanvasImage: async () => unsupported,
}
