/** The reply of GET /api/turn. */
export interface TIceConfig {
  iceServers: RTCIceServerInit[];
  ttlSeconds: number;
}

/** RTCIceServer without the DOM lib, so the server can build it too. */
export interface RTCIceServerInit {
  urls: string | string[];
  username?: string;
  credential?: string;
}
