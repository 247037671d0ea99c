// Only the two tab pages live in the main package; every other screen goes in a subpackage so the
// main package stays small (WeChat downloads it before first paint).
export default defineAppConfig({
  pages: ['pages/activities/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'packages/admin',
      pages: [
        'pages/review/index',
        'pages/review-detail/index',
        'pages/team/index',
        'pages/team-members/index',
        'pages/team-leaders/index',
        'pages/team-edit/index',
        'pages/roles/index',
        'pages/periods/index',
        'pages/import/index',
        'pages/forms/index',
        'pages/dashboard/index',
        'pages/pending/index',
        'pages/appeals/index',
      ],
    },
    {
      root: 'packages/volunteer',
      pages: [
        'pages/register/index',
        'pages/register-for/index',
        'pages/activate/index',
        'pages/activity/index',
        'pages/my-activities/index',
        'pages/ticket/index',
        'pages/records/index',
        'pages/certificate/index',
        'pages/verify/index',
        'pages/appeal/index',
      ],
    },
    {
      root: 'packages/organizer',
      pages: [
        'pages/scan/index',
        'pages/activities/index',
        'pages/activity-edit/index',
        'pages/attendance/index',
        'pages/report/index',
        'pages/print/index',
        'pages/records-todo/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f7',
    navigationBarBackgroundColor: '#1f6fd6',
    navigationBarTitleText: '科普益阳 科技志愿者',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#5c616b',
    selectedColor: '#1858ab',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/activities/index',
        text: '活动',
        iconPath: 'assets/tabbar/activities.png',
        selectedIconPath: 'assets/tabbar/activities-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
})
