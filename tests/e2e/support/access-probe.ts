import { randomBytes } from "node:crypto";
import { io } from "socket.io-client";
import { REALTIME_PATH } from "../../../lib/shared/realtime-events";
import { roomNamespace } from "../../../lib/shared/paths";
import { canonicalPage } from "./canonical-page";

/** The room a request is asked about: its id, and its guest's (a request may name them). */
export interface TRoomRef {
  roomId: string;
  guestId: string;
}

/**
 * One request of the access matrix, as data: an HTTP route (its path a function of the room id
 * when it names a room; its JSON body made per request, from the room when it needs to name
 * someone in it) or the room's Socket.IO namespace.
 */
export type TAccessRequest =
  | {
      kind: "http";
      method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
      path: string | ((roomId: string) => string);
      body?: (room: TRoomRef) => unknown;
    }
  | { kind: "socket" };

/** What Duet answered, with what differs between any two identical requests taken out. */
export interface TAnswer {
  /** The HTTP status; for a socket, "connected", or the handshake's status, or "refused" by the namespace. */
  status: number | "connected" | "refused";
  location: string | null;
  contentType: string | null;
  body: string;
}

type THttpMethod = Extract<TAccessRequest, { kind: "http" }>["method"];
type TPath = string | ((roomId: string) => string);

type TBody = (room: TRoomRef) => unknown;

/** Any HTTP request; `body` is called per request (a fresh email for each sign-up), sent as JSON. */
export const send = (method: THttpMethod, path: TPath, body?: TBody): TAccessRequest => ({ kind: "http", method, path, body });
export const get = (path: TPath): TAccessRequest => send("GET", path);
export const post = (path: TPath, body: TBody): TAccessRequest => send("POST", path, body);
export const roomNamespaceJoin: TAccessRequest = { kind: "socket" };

/** Whether the request names a room, so that it can be compared with the same one for an absent room. */
export function namesRoom(request: TAccessRequest): boolean {
  return request.kind === "socket" || typeof request.path === "function";
}

export function pathOf(request: TAccessRequest, roomId: string): string {
  if (request.kind === "socket") return roomNamespace(roomId);
  return typeof request.path === "function" ? request.path(roomId) : request.path;
}

/** A well-formed room id that names no room: 128 fresh random bits, as Duet makes them. */
export function absentRoomId(): string {
  return randomBytes(16).toString("base64url");
}

/** Sends the request about `room` as the person whose Cookie header is given (null: signed out). */
export function ask(baseUrl: string, request: TAccessRequest, room: TRoomRef, cookie: string | null): Promise<TAnswer> {
  return request.kind === "socket" ? joinNamespace(baseUrl, room.roomId, cookie) : askHttp(baseUrl, request, room, cookie);
}

async function askHttp(baseUrl: string, request: Extract<TAccessRequest, { kind: "http" }>, room: TRoomRef, cookie: string | null): Promise<TAnswer> {
  const body = request.body?.(room);
  const response = await fetch(`${baseUrl}${pathOf(request, room.roomId)}`, {
    method: request.method,
    redirect: "manual",
    headers: { ...(cookie && { Cookie: cookie }), ...(body !== undefined && { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // A page's CSP nonce is fresh on every response, and Next repeats it in the page's payload.
  // (No angle brackets in the stand-in: canonicalPage reads the tags around it.)
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  const withoutNonce = (text: string) => (nonce ? text.replaceAll(nonce, "{nonce}") : text);
  const contentType = response.headers.get("content-type");
  const text = withoutNonce(await response.text());
  return {
    status: response.status,
    location: response.headers.get("location"),
    contentType,
    body: contentType?.startsWith("text/html") ? canonicalPage(text) : text,
  };
}

/**
 * Joins the room's namespace as a browser would, over long-polling: Engine.IO refuses a
 * WebSocket handshake by hanging up, while a polling refusal carries its status and body.
 */
function joinNamespace(baseUrl: string, roomId: string, cookie: string | null): Promise<TAnswer> {
  const socket = io(`${baseUrl}${roomNamespace(roomId)}`, {
    path: REALTIME_PATH,
    transports: ["polling"],
    extraHeaders: { ...(cookie && { cookie }), origin: new URL(baseUrl).origin },
    reconnection: false,
    forceNew: true,
  });
  const answer = (status: TAnswer["status"], body: string): TAnswer => ({ status, location: null, contentType: null, body });
  return new Promise((resolve) => {
    socket.once("connect", () => {
      socket.disconnect();
      resolve(answer("connected", ""));
    });
    socket.once("connect_error", (error: Error & { description?: unknown; context?: { responseText?: string } }) => {
      socket.disconnect();
      // A refused handshake: the HTTP status and body. A refused namespace: its message.
      if (typeof error.description === "number") resolve(answer(error.description, error.context?.responseText ?? ""));
      else resolve(answer("refused", error.message));
    });
  });
}

/** The answer with the room id it was asked about replaced, so two rooms' answers can be compared. */
export function withoutRoomId(answer: TAnswer, roomId: string): TAnswer {
  // Room ids are base64url: URL-encoding leaves them as they are.
  const replace = (text: string | null) => text?.replaceAll(roomId, "{room}") ?? null;
  return { ...answer, location: replace(answer.location), body: replace(answer.body) ?? "" };
}
