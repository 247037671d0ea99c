/**
 * Offline verification of a scanned check-in token on the organizer's phone: the signature under
 * the activity's public key, and that the token names this activity. The same code the check-in
 * function runs online; it lives in the organizer subpackage so the main package never carries it.
 */
export { verifyToken as verifyTicketToken, type Verdict } from '../../../types/ticket-token'
