export default {
  title: '登录',
  subtitle: '会员管理系统',
  username: '用户名',
  password: '密码',
  submit: '登录',
  required: {
    username: '请输入用户名',
    password: '请输入密码',
  },
  expired: '登录已过期，请重新登录。',
  signedOut: '您已退出登录。',
  signOut: '退出登录',
}
