export default definePageConfig({
  navigationBarTitleText: '成员名单',
  enablePullDownRefresh: true,
  // Start loading the next page a little before the bottom, so scrolling rarely waits.
  onReachBottomDistance: 100,
})
