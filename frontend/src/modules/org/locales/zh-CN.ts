export default {
  store: '门店',
  region: '大区',
  chooseStore: '选择门店',
}
