import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as taro from '@tarojs/taro'
import { fail, importPreview, ok, teamPage, medical, city } from '../../../../../test/support/admin-fixtures'
import { answerCalls, sent, type Answers } from '../../../../../test/support/answer-calls'
import { call } from '../../../../services/client'
import { files } from '../../../../services/files'
import ImportPage from './index'

jest.mock('../../../../services/client', () => ({ call: jest.fn() }))
jest.mock('../../../../services/files', () => ({ files: { openSpreadsheet: jest.fn(), pickSpreadsheet: jest.fn() } }))
const callMock = call as jest.MockedFunction<typeof call>
const pick = jest.mocked(files.pickSpreadsheet)
const openSheet = jest.mocked(files.openSpreadsheet)

const uploaded = { fileID: 'cloud://env/imports/team-medical/1.xlsx', name: '医学会名单.xlsx' }
const codes = [{ row: 2, name: '王医生', code: '739201' }]

function answers(over: Answers = {}): Answers {
  return {
    'team.page': ok(teamPage({ team: { ...medical, parentId: city.id, depth: 1 } })),
    'spreadsheet.importTemplate': ok({ fileID: 'cloud://env/templates/t.xlsx', url: 'https://tmp.example/t.xlsx' }),
    'spreadsheet.importStart': ok({ cloudDir: 'imports/team-medical/k3y/' }),
    'spreadsheet.importPreview': ok(importPreview()),
    'spreadsheet.importCommit': ok({ ...importPreview(), codes }),
    ...over,
  }
}

const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el)
  })
}
const button = (name: string | RegExp) => screen.getByRole('button', { name })

async function open(over: Answers = {}) {
  answerCalls(callMock, answers(over))
  render(<ImportPage />)
  await screen.findByText('下载模板')
}

async function chooseFile() {
  pick.mockImplementation(async (_dir, onUploading) => {
    onUploading?.(uploaded.name)
    return { ok: true, data: uploaded }
  })
  await click(screen.getByTestId('pick-file'))
}

beforeEach(() => {
  callMock.mockReset()
  pick.mockReset()
  openSheet.mockReset()
  jest.spyOn(taro, 'useRouter').mockReturnValue({ params: { id: 'team-medical' }, path: '' } as never)
})
afterEach(() => jest.restoreAllMocks())

test('下载模板 asks for the template and opens its URL', async () => {
  await open()
  openSheet.mockResolvedValue({ ok: true, data: undefined })
  await click(button('下载模板'))
  expect(sent(callMock, 'spreadsheet.importTemplate')).toEqual([{}])
  expect(openSheet).toHaveBeenCalledWith('https://tmp.example/t.xlsx')
})

test('a template that cannot be opened says so', async () => {
  await open()
  openSheet.mockResolvedValue({ ok: false, cancelled: false, message: '模板下载失败，请稍后重试' })
  await click(button('下载模板'))
  expect(screen.getByTestId('import-error').textContent).toBe('模板下载失败，请稍后重试')
})

test('a chosen file is uploaded under the team and previewed row by row', async () => {
  await open()
  await chooseFile()
  expect(pick.mock.calls[0][0]).toBe('imports/team-medical/k3y')
  expect(sent(callMock, 'spreadsheet.importPreview')).toEqual([{ teamId: 'team-medical', fileID: uploaded.fileID }])
  expect(screen.getByTestId('count-new').textContent).toBe('新增 2')
  expect(screen.getByTestId('count-member').textContent).toBe('已是成员 1')
  expect(screen.getByTestId('count-invalid').textContent).toBe('有误 1')
  // With errors present the invalid rows come first, each with its messages.
  const bad = within(screen.getByTestId('row-5'))
  expect(bad.getByText('有误')).toBeTruthy()
  expect(bad.getByText('身份证号校验位不正确')).toBeTruthy()
  expect(bad.getByText('请填写手机号')).toBeTruthy()
  expect(screen.queryByTestId('row-2')).toBeNull()
  await click(screen.getByText('全部 4'))
  expect(within(screen.getByTestId('row-2')).getByText('新增')).toBeTruthy()
  expect(within(screen.getByTestId('row-2')).getByText('430***********0011')).toBeTruthy()
  expect(within(screen.getByTestId('row-3')).getByText('新增')).toBeTruthy()
  expect(within(screen.getByTestId('row-4')).getByText('已是成员')).toBeTruthy()
  expect(button('确认导入（2 人）')).toBeTruthy()
})

test('确认导入 commits the same file and shows each activation code once, with how to use it', async () => {
  await open()
  await chooseFile()
  await click(button('确认导入（2 人）'))
  expect(sent(callMock, 'spreadsheet.importCommit')).toEqual([{ teamId: 'team-medical', fileID: uploaded.fileID }])
  const code = within(screen.getByTestId('code-2'))
  expect(code.getByText('王医生')).toBeTruthy()
  expect(code.getByText('739201')).toBeTruthy()
  const notice = screen.getByTestId('codes-notice').textContent
  expect(notice).toContain('激活码只显示这一次')
  expect(notice).toContain('身份证号和激活码')
})

test('复制全部激活码 puts one person a line on the clipboard', async () => {
  const setClipboardData = jest.fn(() => Promise.resolve({ errMsg: 'ok' }))
  Object.assign(Taro, { setClipboardData })
  await open()
  await chooseFile()
  await click(button('确认导入（2 人）'))
  await click(button('复制全部激活码'))
  expect(setClipboardData).toHaveBeenCalledWith({ data: '第2行 王医生 激活码 739201' })
})

test('a file the server cannot read shows its message and lets the admin choose again', async () => {
  await open({ 'spreadsheet.importPreview': fail('INVALID_INPUT', '表头与模板不一致，请下载最新模板填写', 'fileID') })
  await chooseFile()
  expect(screen.getByTestId('import-error').textContent).toBe('表头与模板不一致，请下载最新模板填写')
  expect(screen.getByTestId('pick-file').textContent).toBe('选择文件')
})

test('an upload failure is shown; a closed picker is not an error', async () => {
  await open()
  pick.mockResolvedValueOnce({ ok: false, cancelled: true, message: '' })
  await click(screen.getByTestId('pick-file'))
  expect(screen.queryByTestId('import-error')).toBeNull()
  pick.mockResolvedValueOnce({ ok: false, cancelled: false, message: '文件上传失败，请检查网络后重试' })
  await click(screen.getByTestId('pick-file'))
  expect(screen.getByTestId('import-error').textContent).toBe('文件上传失败，请检查网络后重试')
  expect(sent(callMock, 'spreadsheet.importPreview')).toEqual([])
})

test('a refused commit keeps the preview and offers a fresh one', async () => {
  await open({
    'spreadsheet.importCommit': fail('CONFLICT', '部分人员刚刚被其他管理员导入，请重新预览后再导入'),
  })
  await chooseFile()
  await click(button('确认导入（2 人）'))
  expect(screen.getByTestId('import-error').textContent).toBe('部分人员刚刚被其他管理员导入，请重新预览后再导入')
  expect(screen.getByTestId('preview-rows')).toBeTruthy()
  await click(button('重新预览'))
  expect(sent(callMock, 'spreadsheet.importPreview')).toHaveLength(2)
})

test('nothing to import: no commit button, and why', async () => {
  const preview = importPreview()
  const onlyMembers = {
    rows: preview.rows.filter((r) => r.outcome === 'member'),
    counts: { new: 0, invited: 0, member: 1, invalid: 0 },
  }
  await open({ 'spreadsheet.importPreview': ok(onlyMembers) })
  await chooseFile()
  expect(screen.queryByRole('button', { name: /确认导入/ })).toBeNull()
  expect(screen.getByText(/没有需要导入的人员/)).toBeTruthy()
})
