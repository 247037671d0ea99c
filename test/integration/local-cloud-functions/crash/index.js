// Fails in the ways a function can: a thrown error, or an error escaping the handler entirely.
exports.main = async (event) => {
  if (event.op === 'throw') throw new Error('boom')
  if (event.op === 'escape') {
    setTimeout(() => {
      throw new Error('escaped')
    }, 1)
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  return 'fine'
}
