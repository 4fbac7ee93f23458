export default {
  title: 'API 调试',
  note: '面向合作伙伴开发者的 GraphQL 调试工具（GraphiQL）。请求使用您当前的登录身份和权限，对数据的修改是真实生效的。',
  failed: '调试工具加载失败，请刷新页面重试。',
}
