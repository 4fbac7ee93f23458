export default {
  collapse: '收起菜单',
  expand: '展开菜单',
  forbidden: '您没有权限访问此页面。',
  notFound: '页面不存在。',
  home: '返回首页',
  signOutFailed: '退出时无法连接服务器，本机已退出登录。',
}
