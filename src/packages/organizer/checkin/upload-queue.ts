/** The phone's one upload queue of offline check-ins, sent through `checkin.sync`. */
import { call } from '../../../services/client'
import { OfflineQueue } from './offline-queue'
import { phoneStore } from './storage'

export const uploadQueue = new OfflineQueue(phoneStore, (activityId, device, scans) =>
  call('checkin.sync', { activityId, device, scans }),
)
