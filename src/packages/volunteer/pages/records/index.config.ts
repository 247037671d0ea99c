export default definePageConfig({
  navigationBarTitleText: '服务记录',
  onReachBottomDistance: 100,
})
