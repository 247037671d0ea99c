import { attendance } from '../../../../test/support/checkin-fixtures'
import { draftFrom, toReport } from './report-form'

const draft = draftFrom(attendance())

test('people served alone is a report without a write-up', () => {
  expect(toReport({ ...draft, peopleServed: ' 120 ' })).toEqual({ ok: true, peopleServed: 120, highlight: null })
})

test('a write-up carries content, effect and the photos’ fileIDs', () => {
  const r = toReport({
    peopleServed: '0',
    content: ' 讲解防灾知识 ',
    effect: '居民掌握了避险要点',
    photos: [{ fileID: 'cloud://p/1.jpg', preview: 'wxfile://tmp/1.jpg' }],
  })
  expect(r).toEqual({
    ok: true,
    peopleServed: 0,
    highlight: { content: '讲解防灾知识', effect: '居民掌握了避险要点', photos: ['cloud://p/1.jpg'] },
  })
})

test('reports every problem at once', () => {
  const r = toReport({ ...draft, peopleServed: '1.5', effect: '效果很好', photos: [] })
  expect(r).toEqual({
    ok: false,
    errors: { peopleServed: '人次应为不小于 0 的整数', content: '写亮点总结时请填写服务内容' },
  })
  expect(toReport({ ...draft, peopleServed: '' })).toMatchObject({
    ok: false,
    errors: { peopleServed: expect.any(String) },
  })
  const ten = Array.from({ length: 10 }, (_, i) => ({ fileID: `f${i}`, preview: `f${i}` }))
  expect(toReport({ ...draft, peopleServed: '1', content: 'x', photos: ten })).toMatchObject({
    ok: false,
    errors: { photos: '照片最多 9 张' },
  })
})

test('an entered figure and write-up come back into the form', () => {
  const d = draftFrom(
    attendance({ peopleServed: 80, highlight: { content: '内容', effect: '效果', photos: ['cloud://a'] } }),
  )
  expect(d).toEqual({
    peopleServed: '80',
    content: '内容',
    effect: '效果',
    photos: [{ fileID: 'cloud://a', preview: 'cloud://a' }],
  })
})
