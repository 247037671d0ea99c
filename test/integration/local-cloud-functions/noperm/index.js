// Calls an openapi its config.json does not list.
const cloud = require('wx-server-sdk')

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

exports.main = async () => {
  try {
    await cloud.openapi.subscribeMessage.send({ touser: 'o-x', templateId: 't', data: { thing1: { value: 'x' } } })
    return { sent: true }
  } catch (e) {
    return { failed: { errCode: e.errCode, message: e.message } }
  }
}
