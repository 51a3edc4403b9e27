/**
 * Mirrors the server's rule (src/console/ticket-access.ts) to hide controls that would only be
 * refused: agents work on their own active tickets, supervisors on any. The server still decides.
 */
export function canWork({ ticket, me, role }) {
  return role === 'supervisor' || (ticket.status === 'active' && ticket.assignee === me);
}
