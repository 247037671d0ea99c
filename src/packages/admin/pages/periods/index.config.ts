export default definePageConfig({
  navigationBarTitleText: '报送周期',
})
