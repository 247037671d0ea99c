export default definePageConfig({
  navigationBarTitleText: '活动详情',
  // Shared to a chat, the card opens this same detail (useShareAppMessage gives the path and id).
  enableShareAppMessage: true,
})
