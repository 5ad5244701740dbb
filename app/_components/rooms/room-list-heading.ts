/** The id of the room list's heading (tabIndex -1), where focus goes when a room leaves the list. */
export const ROOM_LIST_HEADING_ID = "my-rooms";
