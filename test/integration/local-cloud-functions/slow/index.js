// Takes longer than its configured timeout allows.
exports.main = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, event.ms))
  return 'finished'
}
