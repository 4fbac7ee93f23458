export default {
  tags: '标签',
}
