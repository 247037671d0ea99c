export default definePageConfig({
  navigationBarTitleText: '集体注册',
})
