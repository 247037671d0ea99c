export default definePageConfig({
  navigationBarTitleText: '提出申诉',
})
