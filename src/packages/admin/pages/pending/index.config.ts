export default definePageConfig({
  navigationBarTitleText: '待激活',
  enablePullDownRefresh: true,
})
