/** The Socket.IO room holding one user's connection within a room namespace. */
export function userChannel(userId: string): string {
  return `user:${userId}`;
}
