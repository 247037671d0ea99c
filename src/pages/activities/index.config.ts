export default definePageConfig({
  navigationBarTitleText: '科普益阳 科技志愿者',
  enablePullDownRefresh: true,
  // Start loading the next page a little before the bottom, so scrolling rarely waits.
  onReachBottomDistance: 100,
})
