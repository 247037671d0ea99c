export default definePageConfig({
  navigationBarTitleText: '待审核注册',
  enablePullDownRefresh: true,
})
