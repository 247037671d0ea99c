import { openPage, waitFor, wx } from './simulator'

// The remaining placeholder screens render, explain, and call nothing yet (review: review.test.ts).
test.each([['packages/organizer/pages/scan/index', '扫码签到即将开放']])(
  '%s renders its explanation without calling the cloud',
  async (route, expected) => {
    const page = openPage(route)
    // The first page of a file also boots the app: wait for the render instead of a fixed delay.
    await waitFor(() => expect(page.text()).toContain(expected))
    expect(wx.cloud.callFunction).not.toHaveBeenCalled()
    page.close()
  },
)
