/**
 * An error the local cloud answers with, in the service's own shape `{ code, message, requestId }`.
 * Codes are the service's (the SDK maps them to errCode with its TCB_ERR_CODE table).
 */
export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

// Messages follow the real service's where they are known from its answers.
export const collectionMissing = (name: string) =>
  new CloudError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us. (collection: ${name})`,
  )

export const transactionGone = () =>
  new CloudError(
    'DATABASE_TRANSACTION_FAIL',
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  )

/** A write to a document another open transaction wrote, or that changed since this one's snapshot. */
export const transactionConflict = () =>
  new CloudError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
  )

/** MongoDB's duplicate key text, which callers match on (E11000); key values are left out of it. */
export const duplicateKey = (env: string, collection: string, index: string, keys: string[]) =>
  new CloudError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation] E11000 duplicate key error collection: ${env}.${collection} index: ${index} dup key: { ${keys.join(', ')} }`,
  )

export const invalid = (message: string) => new CloudError('INVALID_PARAM', message)
export const dbFailed = (message: string) => new CloudError('DATABASE_REQUEST_FAILED', message)
