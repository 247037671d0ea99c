import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fail, ok } from '../../../../../test/support/activity-fixtures'
import { answerCalls, sent } from '../../../../../test/support/answer-calls'
import { attendance } from '../../../../../test/support/checkin-fixtures'
import { resetStorage } from '../../../../../test/support/taro-mock'
import { call } from '../../../../services/client'
import { files } from '../../../../services/files'
import ReportPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
jest.mock('../../../../services/files', () => ({ files: { pickPhotos: jest.fn() } }))
jest.mock('@tarojs/taro', () => {
  const real = jest.requireActual('../../../../../test/support/taro-mock')
  return { ...real, __esModule: true, default: real.default, useRouter: () => ({ params: { id: 'act-1' }, path: '' }) }
})
const callMock = call as jest.MockedFunction<typeof call>

beforeEach(() => {
  callMock.mockReset()
  resetStorage()
  jest.mocked(files.pickPhotos).mockReset()
})

const photo = (i: number) => ({ fileID: `cloud://env/highlights/act-1/${i}.jpg`, preview: `blob:${i}` })

test('saves people served and the write-up with the uploaded photos', async () => {
  answerCalls(callMock, { 'checkin.attendance': ok(attendance()), 'checkin.saveReport': ok(attendance()) })
  jest.mocked(files.pickPhotos).mockResolvedValue({ ok: true, data: [photo(1), photo(2)] })
  render(<ReportPage />)
  fireEvent.change(await screen.findByTestId('people-served'), { target: { value: '120' } })
  fireEvent.change(screen.getByTestId('highlight-content'), { target: { value: '讲解防灾避险知识' } })
  fireEvent.change(screen.getByTestId('highlight-effect'), { target: { value: '居民学会了避险' } })
  await act(async () => {
    fireEvent.click(screen.getByTestId('add-photos'))
  })
  expect(files.pickPhotos).toHaveBeenCalledWith('highlights/act-1', 9, expect.any(Function))
  expect(screen.getByTestId('photo-list').querySelectorAll('img')).toHaveLength(2)
  fireEvent.click(screen.getAllByTestId('remove-photo')[0])
  await act(async () => {
    fireEvent.click(screen.getByTestId('save-report'))
  })
  expect(sent(callMock, 'checkin.saveReport')).toEqual([
    {
      activityId: 'act-1',
      peopleServed: 120,
      highlight: { content: '讲解防灾避险知识', effect: '居民学会了避险', photos: [photo(2).fileID] },
    },
  ])
  expect(screen.getByTestId('report-saved')).toBeTruthy()
})

test('shows every problem by its field and sends nothing', async () => {
  answerCalls(callMock, { 'checkin.attendance': ok(attendance()) })
  render(<ReportPage />)
  fireEvent.change(await screen.findByTestId('highlight-effect'), { target: { value: '很好' } })
  await act(async () => {
    fireEvent.click(screen.getByTestId('save-report'))
  })
  expect(screen.getByTestId('peopleServed-error').textContent).toContain('请填写接受服务的群众人次')
  expect(screen.getByTestId('content-error').textContent).toBe('写亮点总结时请填写服务内容')
  expect(sent(callMock, 'checkin.saveReport')).toHaveLength(0)
})

test('unsaved edits are kept on the phone and come back when the page opens again', async () => {
  answerCalls(callMock, { 'checkin.attendance': ok(attendance()) })
  const first = render(<ReportPage />)
  fireEvent.change(await screen.findByTestId('people-served'), { target: { value: '88' } })
  await act(async () => undefined)
  first.unmount()
  render(<ReportPage />)
  expect(((await screen.findByTestId('people-served')) as HTMLInputElement).value).toBe('88')
  expect(Taro.setStorage).toHaveBeenCalledWith(expect.objectContaining({ key: 'report-draft:act-1' }))
})

test('a refused save shows the server message; a failed upload says so', async () => {
  answerCalls(callMock, {
    'checkin.attendance': ok(attendance()),
    'checkin.saveReport': fail('NOT_IN_SCOPE', '这不是你所在队伍的活动'),
  })
  jest
    .mocked(files.pickPhotos)
    .mockResolvedValue({ ok: false, cancelled: false, message: '照片上传失败，请检查网络后重试' })
  render(<ReportPage />)
  fireEvent.change(await screen.findByTestId('people-served'), { target: { value: '3' } })
  await act(async () => {
    fireEvent.click(screen.getByTestId('add-photos'))
  })
  expect(screen.getByTestId('photos-error').textContent).toContain('照片上传失败')
  await act(async () => {
    fireEvent.click(screen.getByTestId('save-report'))
  })
  expect(screen.getByText('这不是你所在队伍的活动')).toBeTruthy()
})
