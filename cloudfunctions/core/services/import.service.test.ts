import { makeIdNumber } from '../../../test/support/fixtures'
import { goodRow, rosterFile } from '../../../test/support/roster-file'
import { parseWorkbook } from './import.service'

describe('parseWorkbook', () => {
  it('turns a filled row into the registration the form would send', async () => {
    const id = makeIdNumber('19800101', 11)
    const [row] = await parseWorkbook(await rosterFile([goodRow(1, id)]), 'team-medical')
    expect(row.errors).toEqual([])
    expect(row.registration).toMatchObject({
      gender: 'male',
      idNumber: id,
      skills: ['medical', 'lecture'],
      availability: { slots: ['weekend', 'evening'], note: '' },
      source: 'society_member',
      teamId: 'team-medical',
      consent: true,
    })
  })

  it('keeps unknown skills and free-text availability as text', async () => {
    const [row] = await parseWorkbook(
      await rosterFile([
        { ...goodRow(2, makeIdNumber('19800101', 13)), skills: '无人机植保', availability: '农闲时节' },
      ]),
      't',
    )
    expect(row.registration).toMatchObject({
      skills: [],
      skillsOther: '无人机植保',
      availability: { slots: [], note: '农闲时节' },
    })
  })

  it('reports every problem of a bad row in Chinese', async () => {
    const [row] = await parseWorkbook(
      await rosterFile([{ ...goodRow(3, makeIdNumber('19800101', 15)), mobile: '123', consent: '否', gender: '男' }]),
      't',
    )
    expect(row.registration).toBeNull()
    expect(row.errors).toEqual(expect.arrayContaining(['手机号格式不正确', '请阅读并同意个人信息处理说明']))
  })

  it('explains an ID number that the spreadsheet turned into a number', async () => {
    const [row] = await parseWorkbook(await rosterFile([{ ...goodRow(4, ''), idNumber: 430902198001010000 }]), 't')
    expect(row.errors).toContain('身份证号被表格当成了数字，请把该列设置为“文本”格式后重新填写')
  })

  it('skips empty rows and numbers rows as the spreadsheet does', async () => {
    const rows = await parseWorkbook(
      await rosterFile([goodRow(5, makeIdNumber('19800101', 17)), {}, goodRow(6, makeIdNumber('19800101', 19))]),
      't',
    )
    expect(rows.map((r) => r.row)).toEqual([2, 4])
  })

  it('refuses a file whose header is not the template’s', async () => {
    await expect(
      parseWorkbook(await rosterFile([goodRow(7, makeIdNumber())], ['名字', '性别']), 't'),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'fileID' })
  })

  it('refuses a file that is not a spreadsheet', async () => {
    await expect(parseWorkbook(Buffer.from('not a workbook'), 't')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })
})
