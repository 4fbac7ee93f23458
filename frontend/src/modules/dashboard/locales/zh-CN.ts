export default {
  title: '概览',
  scope: '数据范围：{scope}',
  allBrand: '全品牌',
  members: '会员总数',
  newMembers: '近 30 天新会员',
  tierDistribution: '会员等级分布',
  noTiers: '尚未设置会员等级',
}
