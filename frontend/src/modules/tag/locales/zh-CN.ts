export default {
  tags: '标签',
  title: '会员标签',
  new: '新建标签',
  none: '还没有标签',
  name: '名称',
  color: '颜色',
  description: '说明',
  actions: '操作',
  delete: '删除',
  deleteText: '删除标签“{name}”？它将从所有会员身上移除。',
  deleted: '已删除标签“{name}”',
  created: '已创建标签“{name}”',
  problem: {
    name: '请填写标签名称',
  },
  invalid: {
    name: '名称须为 1–50 个字',
    color: '颜色格式不正确',
    description: '说明不能超过 255 个字',
  },
  code: {
    DUPLICATE: '已有同名的标签',
  },
}
