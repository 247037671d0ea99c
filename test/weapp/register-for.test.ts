import type { ProxyReceipt, TeamNode } from '../../types/api'
import { proxyConsentStatement } from '../../types/proxy'
import { makeIdNumber } from '../support/fixtures'
import { levelsOf } from '../support/team-levels'
import { answerCloud, openPage, waitFor, wx, type RenderedPage } from './simulator'

const tree: TeamNode[] = [
  { id: 'team-city', name: '湖南省科技志愿者益阳市支队', kind: 'city', parentId: null, depth: 0 },
  { id: 'team-heshan', name: '赫山区科技志愿者队', kind: 'county', parentId: 'team-city', depth: 1 },
]
/** Born 1952-03-04; sequence 32 is even: a woman. */
const ID = makeIdNumber('19520304', 32)
const receipt: ProxyReceipt = {
  name: '王秀英',
  idNumberMasked: `${ID.slice(0, 3)}***********${ID.slice(-4)}`,
  mobileMasked: '137****0302',
  team: { id: 'team-heshan', name: '赫山区科技志愿者队', kind: 'county' },
  status: 'pending',
}

let page: RenderedPage | undefined
afterEach(() => {
  page?.close()
  page = undefined
})

/** The n-th input in page order: name, ID, 单位, 职务, 手机, 队伍搜索, the statement's name. */
const type = (n: number, value: string) => page!.fire(page!.dom.querySelectorAll('wx-input')[n], 'input', { value })

test('the production 代为注册 page sends the elder’s registration with the confirmed statement', async () => {
  const registerFor = jest.fn(() => ({ ok: true as const, data: receipt }))
  answerCloud({ 'team.tree': levelsOf(tree) as never, 'volunteer.registerFor': registerFor })
  page = openPage('packages/volunteer/pages/register-for/index')
  await waitFor(() => expect(page!.dom.querySelectorAll('wx-input').length).toBeGreaterThan(0))
  await type(0, '王秀英')
  await waitFor(() => expect(page!.text()).toContain('湖南省科技志愿者益阳市支队'))
  await type(1, ID)
  await type(2, '益阳市第一中学')
  await type(3, '退休教师')
  await type(4, '13700000302')
  await page.tap('科普报告')
  await page.tap('周末')
  await page.fire(page.dom.querySelectorAll('wx-picker')[0], 'change', { value: 2 })
  await type(5, '赫山')
  await page.tap('搜索')
  await waitFor(() => expect(page!.text()).toContain('赫山区科技志愿者队'))
  await page.tap('赫山区科技志愿者队')
  await page.tap('家人')
  await type(6, '王秀英')
  const statement = proxyConsentStatement('王秀英', 'family')
  await waitFor(() => expect(page!.text()).toContain(statement))
  await page.tap(statement)
  await page.tap('代为提交')

  await waitFor(() => expect(registerFor).toHaveBeenCalledTimes(1))
  expect(wx.cloud.callFunction).toHaveBeenLastCalledWith({
    name: 'volunteer',
    data: {
      action: 'registerFor',
      data: {
        registration: expect.objectContaining({ name: '王秀英', gender: 'female', idNumber: ID, consent: true }),
        proxy: { relation: 'family', elderName: '王秀英', consent: true },
      },
    },
  })
  await waitFor(() => expect(page!.text()).toContain('已代为提交，等待审核'))
  expect(page.text()).not.toContain(ID)
})
