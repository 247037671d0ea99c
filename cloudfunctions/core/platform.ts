import type { RoleGrant } from '../../types/api'
import { rolesHeld } from './auth'
import { config } from './config'
import { makeCaller } from './context'
import { invalidating, roleCache } from './role-cache'
import { cloud, db } from './db'
import type { HandlerDeps } from './handler'
import type { FileStore } from './services/import.service'
import type { OpenApiAnswer, QuickFillPlatform } from './services/quickfill.service'
import { activityMessenger, reviewNotifier, type SubscribeSend } from './notify'
import { activityRepository } from './repositories/activity.repository'
import { checkRepository } from './repositories/check.repository'
import { appealRepository } from './repositories/appeal.repository'
import { uploadRepository } from './repositories/upload.repository'
import { limitRepository } from './repositories/limit.repository'
import { membershipRepository } from './repositories/membership.repository'
import { periodRepository } from './repositories/period.repository'
import { recordRepository } from './repositories/record.repository'
import { reportRepository } from './repositories/report.repository'
import { roleRepository } from './repositories/role.repository'
import { teamRepository } from './repositories/team.repository'
import { ticketRepository } from './repositories/ticket.repository'
import { volunteerRepository } from './repositories/volunteer.repository'

/** Every write that may change grants or a holder's state clears the instance's grants (role-cache.ts). */
const forgetGrants = () => grantCache.clear()

/** Repositories over this instance's database handle, built once while the instance is warm. */
export const repos = {
  volunteers: invalidating(
    volunteerRepository(db),
    [
      'findByOpenid',
      'mine',
      'findById',
      'findByIds',
      'findByOpenids',
      'findByIdNumberHashes',
      'inStateInScope',
      'addServiceMinutes',
    ],
    forgetGrants,
  ),
  teams: teamRepository(db),
  memberships: membershipRepository(db),
  records: recordRepository(db),
  roles: invalidating(roleRepository(db), ['grantsOf', 'get', 'inSubtree'], forgetGrants),
  activities: activityRepository(db),
  tickets: ticketRepository(db),
  checks: checkRepository(db),
  periods: periodRepository(db),
  reports: reportRepository(db),
  limits: limitRepository(db),
  appeals: appealRepository(db),
  uploads: uploadRepository(db),
}

/** The caller's grants with their holder's state applied (auth.ts); kept briefly by `grantCache` below. */
async function grantsOf(openid: string): Promise<RoleGrant[]> {
  const { grants, holder } = await repos.roles.grantsOf(openid)
  return rolesHeld(openid, grants, holder)
}

const grantCache = roleCache(grantsOf)

const sendSubscribe: SubscribeSend = async (msg) => {
  // Which version of the mini program the message opens: formal, trial or developer.
  const miniprogramState = config.miniprogramState()
  const res = (await cloud.openapi.subscribeMessage.send({ ...msg, miniprogramState })) as { errCode?: number }
  return res.errCode ?? 0
}

/** The two openapi calls of the registration's quick fill (listed in volunteer/config.json). */
export const quickFill: QuickFillPlatform = {
  tempUrl: (fileID) => files.tempUrl(fileID),
  remove: (fileIDs) => files.remove(fileIDs),
  ocrIdCard: async (imgUrl) => (await cloud.openapi.ocr.idcard({ type: 'photo', imgUrl })) as OpenApiAnswer,
  phoneNumber: async (code) => (await cloud.openapi.phonenumber.getPhoneNumber({ code })) as OpenApiAnswer,
}

export const notifyReview = reviewNotifier(repos.records, sendSubscribe)
export const tellAboutActivity = activityMessenger(repos.records, sendSubscribe)

/** Cloud storage for spreadsheets: uploads from the app, templates and exports from functions. */
export const files: FileStore = {
  async upload(cloudPath, content) {
    const res = await cloud.uploadFile({ cloudPath, fileContent: content })
    return res.fileID
  },
  async download(fileID) {
    const res = await cloud.downloadFile({ fileID })
    return res.fileContent
  },
  async remove(fileIDs) {
    if (fileIDs.length) await cloud.deleteFile({ fileList: fileIDs })
  },
  async tempUrl(fileID) {
    const res = (await cloud.getTempFileURL({ fileList: [fileID] })) as { fileList: { tempFileURL: string }[] }
    return res.fileList[0].tempFileURL
  },
}

/** The handler's view of the platform: the caller comes from getWXContext(), never from the event. */
export const platform: HandlerDeps = {
  openid: () => cloud.getWXContext().OPENID,
  caller: (openid) => makeCaller(openid, grantCache.get),
}
