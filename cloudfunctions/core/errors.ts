import type { ErrorCode } from '../../types/result'

/** A refusal the caller can act on. Services throw it; the handler turns it into `{ ok: false, code, message }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`)
export const forbidden = (message = '没有权限执行此操作') => new AppError('FORBIDDEN', message)
export const notInScope = (message = '该团队不在您的管理范围内') => new AppError('NOT_IN_SCOPE', message)
export const wrongState = (message: string) => new AppError('WRONG_STATE', message)
