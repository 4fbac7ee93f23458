export default {
  tier: '会员等级',
  none: '未定级',
  discount: '{rate}折',
  noDiscount: '无折扣',
}
