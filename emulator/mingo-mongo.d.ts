export interface Cursor {
  sort(spec: Record<string, 1 | -1>): Cursor
  skip(n: number): Cursor
  limit(n: number): Cursor
  all(): Record<string, unknown>[]
}
export interface CompiledQuery {
  test(doc: unknown): boolean
  find(docs: Record<string, unknown>[], projection?: Record<string, unknown>): Cursor
}
export function compile(criteria: Record<string, unknown>): CompiledQuery
export function aggregate(
  docs: Record<string, unknown>[],
  stages: Record<string, unknown>[],
  collectionResolver: (name: string) => Record<string, unknown>[],
): Record<string, unknown>[]
export function applyUpdate(
  doc: Record<string, unknown>,
  modifier: Record<string, unknown>,
  condition: Record<string, unknown>,
): string[]
export function valuesAt(doc: unknown, path: string): unknown[]
export function metresFrom(center: [number, number], value: unknown): number | undefined
export function nearSpec(spec: unknown): { center: [number, number]; min?: number; max?: number }
