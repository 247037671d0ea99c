export default definePageConfig({
  navigationBarTitleText: '激活',
})
