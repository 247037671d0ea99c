import { Button, Text, View } from '@tarojs/components'
import type { ImportPreview, ImportResult, ImportRow } from '../../../../../types/api'
import { EmptyState, ErrorState, Loading } from '../../../../components/PageState'
import { useParam } from '../../../../hooks/use-param'
import { importable, OUTCOME, OUTCOMES, ROWS_SHOWN, useImport } from './use-import'
import { busyProps } from '../../../../utils/flag'
import './index.scss'

function Counts({
  counts,
  filter,
  onFilter,
}: {
  counts: ImportPreview['counts']
  filter?: ImportRow['outcome'] | 'all'
  onFilter?: (f: ImportRow['outcome'] | 'all') => void
}) {
  const total = OUTCOMES.reduce((n, o) => n + counts[o], 0)
  return (
    <View className="import__counts" data-testid="counts">
      {onFilter ? (
        <Text
          className={`import__count${filter === 'all' ? ' import__count--on' : ''}`}
          onClick={() => onFilter('all')}
        >
          全部 {total}
        </Text>
      ) : null}
      {OUTCOMES.map((o) => (
        <Text
          key={o}
          className={`import__count import__count--${o}${filter === o ? ' import__count--on' : ''}`}
          data-testid={`count-${o}`}
          onClick={onFilter ? () => onFilter(o) : undefined}
        >
          {OUTCOME[o]} {counts[o]}
        </Text>
      ))}
    </View>
  )
}

function Rows({ rows }: { rows: ImportRow[] }) {
  if (rows.length === 0) return <Text className="import__hint">没有这一类的行。</Text>
  return (
    <View className="import__table" data-testid="preview-rows">
      <View className="import__tr import__tr--head">
        <Text className="import__td import__td--row">行</Text>
        <Text className="import__td import__td--name">姓名</Text>
        <Text className="import__td import__td--id">身份证号</Text>
        <Text className="import__td import__td--outcome">结果</Text>
      </View>
      {rows.slice(0, ROWS_SHOWN).map((r) => (
        <View className="import__tr" key={r.row} data-testid={`row-${r.row}`}>
          <View className="import__tr-main">
            <Text className="import__td import__td--row">{r.row}</Text>
            <Text className="import__td import__td--name">{r.name || '（未填姓名）'}</Text>
            <Text className="import__td import__td--id">{r.idNumberMasked || '—'}</Text>
            <Text className={`import__td import__td--outcome import__badge import__badge--${r.outcome}`}>
              {OUTCOME[r.outcome]}
            </Text>
          </View>
          {r.errors.map((e) => (
            <Text key={e} className="import__row-error">
              {e}
            </Text>
          ))}
        </View>
      ))}
      {rows.length > ROWS_SHOWN ? (
        <Text className="import__hint">仅显示前 {ROWS_SHOWN} 行，可按上方分类查看。</Text>
      ) : null}
    </View>
  )
}

function Codes({ result, onCopy }: { result: ImportResult; onCopy: () => void }) {
  if (result.codes.length === 0) {
    return <Text className="import__hint">本次没有新注册的人员，无需发放激活码。</Text>
  }
  return (
    <>
      <View className="import__notice" data-testid="codes-notice">
        <Text>
          激活码只显示这一次，离开本页后无法再次查看。请把每人的激活码转交本人：在小程序“我的”中用身份证号和激活码完成激活。
        </Text>
      </View>
      <View className="import__table" data-testid="codes">
        <View className="import__tr import__tr--head">
          <Text className="import__td import__td--row">行</Text>
          <Text className="import__td import__td--name">姓名</Text>
          <Text className="import__td import__td--code">激活码</Text>
        </View>
        {result.codes.map((c) => (
          <View className="import__tr" key={c.row} data-testid={`code-${c.row}`}>
            <View className="import__tr-main">
              <Text className="import__td import__td--row">{c.row}</Text>
              <Text className="import__td import__td--name">{c.name}</Text>
              <Text className="import__td import__td--code import__code" userSelect>
                {c.code}
              </Text>
            </View>
          </View>
        ))}
      </View>
      <Button className="import__button" onClick={onCopy}>
        复制全部激活码
      </Button>
    </>
  )
}

function ImportView({ teamId }: { teamId: string }) {
  const s = useImport(teamId)

  if (!s.teamName) {
    if (s.loadError && !s.loading) return <ErrorState message={s.loadError.message} onRetry={s.reload} />
    return <Loading />
  }
  const { state } = s
  const errorLine = s.error ? (
    <Text className="import__error" data-testid="import-error">
      {s.error}
    </Text>
  ) : null

  if (state.step === 'done') {
    return (
      <View className="import">
        <Text className="section-title">导入完成 · {s.teamName}</Text>
        <View className="card" data-testid="result">
          <Counts counts={state.result.counts} />
          <Text className="import__hint">
            新注册的人员已通过审核，激活后即为本队伍成员；已在其他队伍注册的志愿者收到邀请，本人在“我的”中确认后才加入本队伍。再次导入同一文件会为尚未激活的人员补发激活码。
          </Text>
          <Codes result={state.result} onCopy={() => s.copyCodes(state.result)} />
          <Button className="import__button" onClick={s.reset}>
            继续导入其他文件
          </Button>
        </View>
      </View>
    )
  }

  if (state.step === 'preview' || state.step === 'committing') {
    const p = state.preview
    const rows = s.filter === 'all' ? p.rows : p.rows.filter((r) => r.outcome === s.filter)
    const n = importable(p)
    return (
      <View className="import">
        <Text className="section-title">
          预览 · {state.file.name} → {s.teamName}
        </Text>
        <View className="card">
          <Counts counts={p.counts} filter={s.filter} onFilter={s.setFilter} />
          {p.counts.invalid > 0 ? (
            <Text className="import__hint import__hint--warn">
              有误的行不会导入；可修改表格后重新选择文件，或先导入其余各行。
            </Text>
          ) : null}
          <Rows rows={rows} />
        </View>
        <View className="import__submit">
          {errorLine}
          {s.error && state.step === 'preview' ? (
            <Button className="import__button" onClick={s.repreview}>
              重新预览
            </Button>
          ) : null}
          {n > 0 ? (
            <Button type="primary" {...busyProps(state.step === 'committing')} onClick={s.commit}>
              {state.step === 'committing' ? '正在导入…' : `确认导入（${n} 人）`}
            </Button>
          ) : (
            <Text className="import__hint">没有需要导入的人员：各行均已是本队伍成员或有误。</Text>
          )}
          <Button className="import__button" disabled={state.step === 'committing' || undefined} onClick={s.pickFile}>
            重新选择文件
          </Button>
        </View>
      </View>
    )
  }

  const working = state.step === 'uploading' || state.step === 'previewing'
  return (
    <View className="import">
      <Text className="section-title">集体注册 · {s.teamName}</Text>
      <View className="card">
        <Text className="import__step">1. 下载模板，按“填写说明”每行填写一名志愿者（须经本人同意）。</Text>
        <Text className="import__step">2. 选择填写好的 .xlsx 文件，先预览核对每一行。</Text>
        <Text className="import__step">3. 确认导入后，每位新注册的志愿者获得一个激活码，请转交本人激活。</Text>
        <Button className="import__button" {...busyProps(s.templateBusy)} onClick={s.downloadTemplate}>
          {s.templateBusy ? '正在准备模板…' : '下载模板'}
        </Button>
        <Button
          className="import__button"
          type="primary"
          {...busyProps(working)}
          onClick={s.pickFile}
          data-testid="pick-file"
        >
          {state.step === 'uploading'
            ? `正在上传 ${state.name}…`
            : state.step === 'previewing'
              ? '正在检查表格…'
              : '选择文件'}
        </Button>
        {errorLine}
      </View>
    </View>
  )
}

/** 集体注册 for a team (`?id=`): import a filled roster template, then hand out activation codes. */
export default function ImportPage() {
  const teamId = useParam('id')
  if (!teamId) return <EmptyState title="未指定队伍" hint="请从队伍页面进入集体注册。" />
  return <ImportView teamId={teamId} />
}
