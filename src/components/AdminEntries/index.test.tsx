import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { heshan, medical } from '../../../test/support/admin-fixtures'
import { AdminEntries } from './index'

beforeEach(() => jest.mocked(Taro.navigateTo).mockClear())

test('renders nothing for a volunteer without roles', () => {
  const { container } = render(<AdminEntries roles={[]} />)
  expect(container.textContent).toBe('')
})

test('one 我的队伍 entry per team, several roles on one team sharing it', () => {
  render(
    <AdminEntries
      roles={[
        { role: 'admin', team: heshan },
        { role: 'organizer', team: heshan },
        { role: 'organizer', team: medical },
      ]}
    />,
  )
  expect(screen.getByText('我的队伍')).toBeTruthy()
  expect(screen.getByTestId('team-entry-team-heshan').textContent).toContain('管理员、组织者')
  fireEvent.click(screen.getByTestId('team-entry-team-medical'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/team/index?id=team-medical' })
})

test('the owner’s entry opens the team page without an id (the root)', () => {
  render(<AdminEntries roles={[{ role: 'owner', team: { id: '*', name: '全部队伍', kind: 'city' } }]} />)
  expect(screen.getByTestId('team-entry-owner').textContent).toContain('全部队伍')
  fireEvent.click(screen.getByTestId('team-entry-owner'))
  expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/team/index' })
})
