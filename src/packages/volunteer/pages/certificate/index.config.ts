export default definePageConfig({
  navigationBarTitleText: '服务记录证明',
})
