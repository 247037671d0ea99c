export default definePageConfig({
  navigationBarTitleText: '待确认服务记录',
  enablePullDownRefresh: true,
})
