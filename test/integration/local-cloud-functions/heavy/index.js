// A module that takes longer to load than its timeout allows a call to run (think of a large
// bundle): loading happens at a cold start, before the first call's timeout starts.
const until = Date.now() + 1500
while (Date.now() < until) {
  // loading…
}
exports.main = async () => 'loaded'
