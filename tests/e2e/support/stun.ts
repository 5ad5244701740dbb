import { randomBytes } from "node:crypto";
import { createSocket } from "node:dgram";

// RFC 5389: a Binding request is a 20-byte header with no attributes.
const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
const MAGIC_COOKIE = 0x2112a442;
const XOR_MAPPED_ADDRESS = 0x0020;
// STUN's own retransmission: a lost or early datagram is resent, never waited out.
const RETRANSMIT_MS = 50;

export interface StunMapping {
  address: string;
  port: number;
}

/**
 * Sends STUN Binding requests over UDP until the server answers with a Binding success
 * for the same transaction, or `timeoutMs` passes. Resolves with the address it reflected.
 */
export function stunBinding(host: string, port: number, timeoutMs = 5_000): Promise<StunMapping> {
  const transactionId = randomBytes(12);
  const request = Buffer.alloc(20);
  request.writeUInt16BE(BINDING_REQUEST, 0);
  request.writeUInt16BE(0, 2);
  request.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(request, 8);

  const socket = createSocket("udp4");
  return new Promise<StunMapping>((resolve, reject) => {
    const send = () => socket.send(request, port, host);
    const retransmit = setInterval(send, RETRANSMIT_MS);
    const deadline = setTimeout(() => finish(new Error(`no STUN Binding answer from ${host}:${port} within ${timeoutMs} ms`)), timeoutMs);
    const finish = (outcome: StunMapping | Error) => {
      clearInterval(retransmit);
      clearTimeout(deadline);
      socket.close();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    socket.on("message", (message) => {
      const mapping = parseBindingSuccess(message, transactionId);
      if (mapping) finish(mapping);
    });
    // Before the server binds its port, the kernel answers with ICMP unreachable: keep trying.
    socket.on("error", () => undefined);
    send();
  });
}

function parseBindingSuccess(message: Buffer, transactionId: Buffer): StunMapping | null {
  if (message.length < 20 || message.readUInt16BE(0) !== BINDING_SUCCESS) return null;
  if (message.readUInt32BE(4) !== MAGIC_COOKIE || !message.subarray(8, 20).equals(transactionId)) return null;
  for (let offset = 20; offset + 4 <= message.length;) {
    const type = message.readUInt16BE(offset);
    const length = message.readUInt16BE(offset + 2);
    if (type === XOR_MAPPED_ADDRESS && length >= 8 && message[offset + 5] === 0x01) {
      const port = message.readUInt16BE(offset + 6) ^ (MAGIC_COOKIE >>> 16);
      const address = (message.readUInt32BE(offset + 8) ^ MAGIC_COOKIE) >>> 0;
      return { address: [24, 16, 8, 0].map((shift) => (address >>> shift) & 0xff).join("."), port };
    }
    offset += 4 + Math.ceil(length / 4) * 4;
  }
  return null;
}
