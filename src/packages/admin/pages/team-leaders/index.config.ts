export default definePageConfig({
  navigationBarTitleText: '设置队伍负责人',
})
