export default definePageConfig({
  navigationBarTitleText: '队伍信息',
})
