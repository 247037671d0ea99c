import { Button, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Invalid } from '../../../../../types/schemas'
import { errorAt, type PeriodDraft } from './period-draft'

export type RowField = 'deadlines' | 'targets'
export type Row<F extends RowField> = PeriodDraft[F][number]
type Update = (f: (d: PeriodDraft) => PeriodDraft) => void

/** Changes row `i` of a period's deadlines or targets. */
export const patchRow =
  <F extends RowField>(update: Update, field: F, i: number) =>
  (patch: Partial<Row<F>>) =>
    update((d) => ({ ...d, [field]: (d[field] as Row<F>[]).map((x, j) => (j === i ? { ...x, ...patch } : x)) }))

function RowError({ message }: { message: string | undefined }) {
  return message ? <Text className="periods__row-error">{message}</Text> : null
}

interface Props<F extends RowField> {
  field: F
  rows: Row<F>[]
  rowKey: (row: Row<F>, i: number) => string | number
  /** Row test ids are `${testId}-${i}`. */
  testId: string
  empty: string
  addLabel: string
  /** The row added, made from the rows there are (a new key, the next kind of team). */
  newRow: (rows: Row<F>[]) => Row<F>
  invalid: Invalid | undefined
  update: Update
  /** One row's own inputs; its error and remove link follow them. */
  children: (row: Row<F>, i: number) => ReactNode
}

/** The rows of a period's deadlines or targets: each with its error and 删除此项, then the add button. */
export function PeriodRows<F extends RowField>(p: Props<F>) {
  const withRows = (d: PeriodDraft, f: (rows: Row<F>[]) => Row<F>[]) => ({ ...d, [p.field]: f(d[p.field] as Row<F>[]) })
  return (
    <>
      {p.rows.length === 0 ? <Text className="periods__hint">{p.empty}</Text> : null}
      {p.rows.map((row, i) => (
        <View
          className={`periods__row${errorAt(p.invalid, `${p.field}.${i}`) ? ' periods__row--invalid' : ''}`}
          key={p.rowKey(row, i)}
          data-testid={`${p.testId}-${i}`}
        >
          {p.children(row, i)}
          <RowError message={errorAt(p.invalid, `${p.field}.${i}`)} />
          <Text
            className="periods__remove"
            onClick={() => p.update((d) => withRows(d, (rows) => rows.filter((_, j) => j !== i)))}
          >
            删除此项
          </Text>
        </View>
      ))}
      <Button
        className="periods__add"
        size="mini"
        onClick={() => p.update((d) => withRows(d, (rows) => [...rows, p.newRow(rows)]))}
      >
        {p.addLabel}
      </Button>
      <RowError message={p.invalid?.field === p.field ? p.invalid.message : undefined} />
    </>
  )
}
