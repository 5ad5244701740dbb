import { createHash, createHmac, randomBytes } from "node:crypto";
import { createSocket, type Socket } from "node:dgram";
import { isIP } from "node:net";

// RFC 5389 / 5766 / 6156: the few STUN and TURN pieces a permission request needs.
const MAGIC_COOKIE = 0x2112a442;
const ALLOCATE = 0x0003;
const CREATE_PERMISSION = 0x0008;
const SUCCESS = 0x0100;
const ERROR = 0x0110;
const ATTR = {
  username: 0x0006,
  integrity: 0x0008,
  errorCode: 0x0009,
  peer: 0x0012,
  realm: 0x0014,
  nonce: 0x0015,
  family: 0x0017,
  transport: 0x0019,
};
const UDP = Buffer.from([17, 0, 0, 0]);
const RETRANSMIT_MS = 100;

export interface PermissionProbe {
  /** coturn's listening address and port; the relay's family follows the address's. */
  host: string;
  port: number;
  /** A TURN REST credential for coturn's use-auth-secret. */
  username: string;
  credential: string;
}

/**
 * Allocates a relay on coturn, then asks it for a permission to each peer (CreatePermission)
 * and resolves with what it answered each: 200, or the error code (403 for a denied peer).
 * It sends nothing to any peer: a permission only opens the relay's door, so asking about an
 * address that must stay unreachable is safe even if coturn wrongly allowed it. (coturn's own
 * turnutils_uclient sends data once its channel is bound, off the machine for such addresses.)
 */
export async function askPermissions(probe: PermissionProbe, peers: string[]): Promise<Record<string, number>> {
  const ipv6 = isIP(probe.host) === 6;
  const socket = createSocket(ipv6 ? "udp6" : "udp4");
  const ask = (message: Buffer) => transact(socket, probe, message);
  try {
    const familyAttr = { type: ATTR.family, value: Buffer.from([ipv6 ? 2 : 1, 0, 0, 0]) };
    const challenge = await ask(encode(ALLOCATE, [{ type: ATTR.transport, value: UDP }, familyAttr]));
    const realm = challenge.attributes.get(ATTR.realm);
    const nonce = challenge.attributes.get(ATTR.nonce);
    if (challenge.code !== 401 || !realm || !nonce) throw new Error(`coturn did not ask for credentials (answer ${challenge.code})`);
    const key = createHash("md5").update(`${probe.username}:${realm.toString()}:${probe.credential}`).digest();
    const signed = (method: number, attributes: Attribute[], transactionId = randomBytes(12)) =>
      encode(
        method,
        [
          ...attributes,
          { type: ATTR.username, value: Buffer.from(probe.username) },
          { type: ATTR.realm, value: realm },
          { type: ATTR.nonce, value: nonce },
        ],
        key,
        transactionId,
      );

    const allocation = await ask(signed(ALLOCATE, [{ type: ATTR.transport, value: UDP }, familyAttr]));
    if (allocation.code !== 200) throw new Error(`coturn refused the allocation with ${allocation.code}`);
    const answers: Record<string, number> = {};
    for (const peer of peers) {
      // The peer's address is XORed with the transaction id, so the id comes first.
      const transactionId = randomBytes(12);
      answers[peer] = (await ask(signed(CREATE_PERMISSION, [{ type: ATTR.peer, value: xorPeerAddress(peer, transactionId) }], transactionId))).code;
    }
    return answers;
  } finally {
    socket.close();
  }
}

interface Attribute {
  type: number;
  value: Buffer;
}

/** A STUN message; with `key`, signed with MESSAGE-INTEGRITY (HMAC-SHA1 over what precedes it). */
function encode(type: number, attributes: Attribute[], key?: Buffer, transactionId: Buffer = randomBytes(12)): Buffer {
  const body = Buffer.concat(attributes.map(encodeAttribute));
  const header = Buffer.alloc(20);
  header.writeUInt16BE(type, 0);
  header.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(header, 8);
  if (!key) return (header.writeUInt16BE(body.length, 2), Buffer.concat([header, body]));
  header.writeUInt16BE(body.length + 24, 2);
  const integrity = createHmac("sha1", key)
    .update(Buffer.concat([header, body]))
    .digest();
  return Buffer.concat([header, body, encodeAttribute({ type: ATTR.integrity, value: integrity })]);
}

function encodeAttribute({ type, value }: Attribute): Buffer {
  const out = Buffer.alloc(4 + Math.ceil(value.length / 4) * 4);
  out.writeUInt16BE(type, 0);
  out.writeUInt16BE(value.length, 2);
  value.copy(out, 4);
  return out;
}

function parseAttributes(message: Buffer): Map<number, Buffer> {
  const attributes = new Map<number, Buffer>();
  for (let offset = 20; offset + 4 <= message.length;) {
    const length = message.readUInt16BE(offset + 2);
    attributes.set(message.readUInt16BE(offset), message.subarray(offset + 4, offset + 4 + length));
    offset += 4 + Math.ceil(length / 4) * 4;
  }
  return attributes;
}

/** XOR-PEER-ADDRESS: the address XORed with the magic cookie (and, for IPv6, the transaction id). */
function xorPeerAddress(peer: string, transactionId: Buffer): Buffer {
  const address = isIP(peer) === 4 ? Buffer.from(peer.split(".").map(Number)) : ipv6Bytes(peer);
  const mask = Buffer.concat([Buffer.from([0x21, 0x12, 0xa4, 0x42]), transactionId]);
  const port = 9 ^ (MAGIC_COOKIE >>> 16);
  return Buffer.from([0, address.length === 4 ? 1 : 2, port >> 8, port & 0xff, ...address.map((byte, i) => byte ^ (mask[i] ?? 0))]);
}

/** Hexadecimal spellings only ("::a9fe:a9fe", not "::169.254.169.254"). */
function ipv6Bytes(address: string): Buffer {
  if (address.includes(".")) throw new Error(`spell ${address} in hexadecimal groups`);
  const [head = "", tail] = address.split("::");
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const zeros = tail === undefined ? 0 : 8 - groups(head).length - groups(tail).length;
  const all = [...groups(head), ...Array<string>(zeros).fill("0"), ...groups(tail)];
  return Buffer.from(all.flatMap((group) => [Number.parseInt(group, 16) >> 8, Number.parseInt(group, 16) & 0xff]));
}

/** Sends until coturn answers this transaction (UDP may drop either way); 200 or the error code. */
function transact(socket: Socket, { host, port }: PermissionProbe, message: Buffer): Promise<{ code: number; attributes: Map<number, Buffer> }> {
  const transactionId = message.subarray(8, 20);
  return new Promise((resolve, reject) => {
    const send = () => socket.send(message, port, host);
    const retransmit = setInterval(send, RETRANSMIT_MS);
    const deadline = setTimeout(() => finish(new Error(`no answer from coturn at ${host}:${port}`)), 5_000);
    const onMessage = (answer: Buffer) => {
      if (answer.length < 20 || !answer.subarray(8, 20).equals(transactionId)) return;
      const attributes = parseAttributes(answer);
      const error = attributes.get(ATTR.errorCode);
      const kind = answer.readUInt16BE(0) & 0x0110;
      if (kind === SUCCESS) finish({ code: 200, attributes });
      else if (kind === ERROR && error) finish({ code: (error[2] ?? 0) * 100 + (error[3] ?? 0), attributes });
    };
    const finish = (outcome: { code: number; attributes: Map<number, Buffer> } | Error) => {
      clearInterval(retransmit);
      clearTimeout(deadline);
      socket.off("message", onMessage);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    socket.on("message", onMessage);
    send();
  });
}
