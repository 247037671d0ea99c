export default definePageConfig({
  navigationBarTitleText: '注册详情',
})
