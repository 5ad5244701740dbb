import { request as httpRequest } from "node:http";
import { ZHistoryQuery } from "../../../lib/shared/message";
import { ZCreateRoomInput } from "../../../lib/shared/room";
import { ZSignUpInput } from "../../../lib/shared/user";
import { CSRF_PLACEHOLDER, formCorpus } from "../../helpers/fuzz/form-corpus";
import { jsonBodyCorpus } from "../../helpers/fuzz/http-corpus";
import { pathSegmentCorpus, queryCorpus } from "../../helpers/fuzz/query-corpus";
import { apiCreateRoom, apiSignUp } from "../support/api-session";
import { countDuetRows } from "../support/database-rows";
import { runPool } from "../support/run-pool";
import { expect, test } from "../support/test";

const base = () => process.env.DUET_E2E_URL!;
/** The e2e Duet runs with the default HTTP_BODY_LIMIT_BYTES. */
const LIMIT = 65_536;
/** Requests in flight at once: a browser's worth, not a load test. */
const WIDTH = 8;
const ANSWER_WITHIN_MS = 10_000;

interface TAnswer {
  status: number;
  headers: Headers;
  text: string;
}

async function send(path: string, init: RequestInit): Promise<TAnswer> {
  const response = await fetch(`${base()}${path}`, { redirect: "manual", signal: AbortSignal.timeout(ANSWER_WITHIN_MS), ...init });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Why an answer is not the clean JSON refusal expected, or null when it is. */
function notCleanRefusal(answer: TAnswer, status: number): string | null {
  if (answer.status !== status) return `status ${answer.status}, not ${status}: ${answer.text.slice(0, 200)}`;
  if (!answer.headers.get("content-type")?.startsWith("application/json")) return `content-type ${answer.headers.get("content-type")}`;
  try {
    const { error } = JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof error?.code !== "string" || typeof error.message !== "string" || error.message.length === 0)
      return `body ${answer.text.slice(0, 200)}`;
  } catch {
    return `not JSON: ${answer.text.slice(0, 200)}`;
  }
  return null;
}

/** A body as fetch takes it: bytes, since a string without a content type would be sent as text/plain. */
const bodyOf = (body: string | Buffer, contentType: string | null): string | Uint8Array<ArrayBuffer> =>
  typeof body === "string" && contentType !== null ? body : Uint8Array.from(typeof body === "string" ? Buffer.from(body) : body);

const headersOf = (contentType: string | null, cookie?: string): Record<string, string> => ({
  ...(contentType && { "Content-Type": contentType }),
  ...(cookie && { Cookie: cookie }),
});

const histogram = (statuses: number[]) =>
  [...new Set(statuses)]
    .sort()
    .map((status) => `${status} ×${statuses.filter((s) => s === status).length}`)
    .join(", ");

test.describe.configure({ mode: "serial" });

test.describe("malformed API input against a production Duet", () => {
  let ada: { cookie: string; email: string };
  let roomId: string;
  let roomsBefore: string;
  let rowsBefore: Record<string, number>;
  const problems: string[] = [];

  test.beforeAll(async () => {
    ada = await apiSignUp(base(), "Fuzzer");
    roomId = await apiCreateRoom(base(), ada.cookie, "Fuzzed room");
    roomsBefore = (await send("/api/rooms", { headers: { Cookie: ada.cookie } })).text;
    rowsBefore = countDuetRows();
  });

  test.afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  test("POST /api/users refuses 2,500 malformed sign-ups with 413 or 422 and JSON, creating no account", async () => {
    const corpus = jsonBodyCorpus({
      seed: 4101,
      count: 2_500,
      valid: { name: "Fuzz", email: "fuzz@example.test", password: "correct horse battery" },
      schema: ZSignUpInput,
      limitBytes: LIMIT,
    });
    const statuses: number[] = [];
    await runPool(corpus, WIDTH, async (fuzz, i) => {
      const answer = await send("/api/users", { method: "POST", headers: headersOf(fuzz.contentType), body: bodyOf(fuzz.body, fuzz.contentType) });
      statuses.push(answer.status);
      const problem = notCleanRefusal(answer, fuzz.expected);
      if (problem) problems.push(`sign-up #${i} (${fuzz.what}): ${problem}`);
    });
    console.log(`POST /api/users: ${corpus.length} malformed bodies → ${histogram(statuses)}`);
    expect(countDuetRows()).toEqual(rowsBefore);
  });

  test("POST /api/rooms refuses 2,500 malformed room bodies (and every one without a session), creating no room", async () => {
    const corpus = jsonBodyCorpus({ seed: 4102, count: 2_500, valid: { name: "Standup" }, schema: ZCreateRoomInput, limitBytes: LIMIT });
    const statuses: number[] = [];
    await runPool(corpus, WIDTH, async (fuzz, i) => {
      // One in ten without a session: refused as UNAUTHENTICATED before the body matters (unless too large to read).
      const signedIn = i % 10 !== 0;
      const answer = await send("/api/rooms", {
        method: "POST",
        headers: headersOf(fuzz.contentType, signedIn ? ada.cookie : undefined),
        body: bodyOf(fuzz.body, fuzz.contentType),
      });
      statuses.push(answer.status);
      const problem = notCleanRefusal(answer, signedIn || fuzz.expected === 413 ? fuzz.expected : 401);
      if (problem) problems.push(`room #${i} (${fuzz.what}): ${problem}`);
    });
    console.log(`POST /api/rooms: ${corpus.length} malformed bodies → ${histogram(statuses)}`);
    expect((await send("/api/rooms", { headers: { Cookie: ada.cookie } })).text).toBe(roomsBefore);
    expect(countDuetRows()).toEqual(rowsBefore);
  });

  test("GET /api/rooms/[id]/messages refuses 2,000 malformed queries with 422, and 500 malformed room ids with 404 (400 for a broken %-escape)", async () => {
    const queries = queryCorpus({ seed: 4103, count: 2_000, keys: ["before", "limit"], schema: ZHistoryQuery });
    const ids = pathSegmentCorpus(4104, 500);
    const statuses: number[] = [];
    await runPool([...queries.map((query) => ({ query, id: roomId })), ...ids.map((id) => ({ query: "", id }))], WIDTH, async ({ query, id }, i) => {
      const answer = await send(`/api/rooms/${id}/messages?${query}`, { headers: { Cookie: ada.cookie } });
      statuses.push(answer.status);
      const problem = notCleanRefusal(answer, id === roomId ? 422 : decodable(id) ? 404 : 400);
      if (problem) problems.push(`history #${i} (/api/rooms/${id.slice(0, 80)}/messages?${query.slice(0, 120)}): ${problem}`);
    });
    console.log(`GET /api/rooms/[id]/messages: ${queries.length} malformed queries, ${ids.length} malformed ids → ${histogram(statuses)}`);
  });

  test("POST /api/auth/callback/credentials answers 1,500 malformed sign-in forms without a 5xx and never signs anyone in", async () => {
    const csrf = await fetch(`${base()}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const valid = { csrfToken: CSRF_PLACEHOLDER, email: "nobody@example.test", password: "a long enough password", callbackUrl: "/", json: "true" };
    const corpus = formCorpus({ seed: 4105, count: 1_500, valid, limitBytes: LIMIT });
    const statuses: number[] = [];
    await runPool(corpus, WIDTH, async (fuzz, i) => {
      const body = typeof fuzz.body === "string" ? fuzz.body.replaceAll(CSRF_PLACEHOLDER, csrfToken) : fuzz.body;
      const answer = await send("/api/auth/callback/credentials", {
        method: "POST",
        headers: headersOf(fuzz.contentType, csrfCookie),
        body: bodyOf(body, fuzz.contentType),
      });
      statuses.push(answer.status);
      const problem = notNextAuthRefusal(answer);
      if (problem) problems.push(`sign-in #${i} (${fuzz.what}): ${problem}`);
    });
    console.log(`POST /api/auth/callback/credentials: ${corpus.length} malformed forms → ${histogram(statuses)}`);
    expect(countDuetRows()).toEqual(rowsBefore);
  });

  test("refuses bodies over the limit with 413 before reading them, and bodies of unknown length with 411", async () => {
    const big = await send("/api/users", { method: "POST", headers: { "Content-Type": "application/json" }, body: Buffer.alloc(5_000_000, "x") });
    expect(notCleanRefusal(big, 413)).toBeNull();
    expect(JSON.parse(big.text)).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: "This request is too large: Duet accepts at most 64 KiB." },
    });
    // The refusal is Duet's like any other answer: its security headers are on it.
    expect(big.headers.get("x-content-type-options")).toBe("nosniff");
    expect(big.headers.get("content-security-policy")).toContain("default-src 'none'");

    const chunked = await rawRequest({
      path: "/api/rooms",
      headers: { "Transfer-Encoding": "chunked", Cookie: ada.cookie, "Content-Type": "application/json" },
      body: '{"name":"Streamed"}',
    });
    expect(chunked.status).toBe(411);
    expect(JSON.parse(chunked.text)).toMatchObject({ error: { code: "LENGTH_REQUIRED" } });

    // curl announces a big upload and waits: it is told no without being invited to send.
    const announced = await rawRequest({
      path: "/api/users",
      headers: { "Content-Length": "1000000000", Expect: "100-continue", "Content-Type": "application/json" },
    });
    expect(announced).toMatchObject({ status: 413, continued: false });

    const signIn = await send("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `email=${"x".repeat(LIMIT)}`,
    });
    expect(notCleanRefusal(signIn, 413)).toBeNull();

    expect((await send("/api/health", {})).status).toBe(200);
    expect(countDuetRows()).toEqual(rowsBefore);
  });
});

function decodable(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * next-auth answers a refused sign-in its own way (a redirect, or with json=true `{ url }` and 200
 * or 401); Duet's guard and body limit answer with a JSON error. Never a 5xx, never a session.
 */
function notNextAuthRefusal(answer: TAnswer): string | null {
  if (answer.headers.getSetCookie().some((line) => line.includes("session-token"))) return `set a session cookie (status ${answer.status})`;
  if ([413, 415, 422].includes(answer.status)) return notCleanRefusal(answer, answer.status);
  if (answer.status === 302)
    return /\/api\/auth\/(error|signin)/.test(answer.headers.get("location") ?? "") ? null : `redirected to ${answer.headers.get("location")}`;
  if (answer.status === 200 || answer.status === 401)
    return /"url":".*\/api\/auth\/(error|signin)/.test(answer.text) ? null : `answered ${answer.status} ${answer.text.slice(0, 200)}`;
  return `status ${answer.status}: ${answer.text.slice(0, 200)}`;
}

/** A request fetch cannot make: a chunked body, or `Expect: 100-continue` (whether the server invites the body). */
function rawRequest({
  path,
  headers,
  body,
}: {
  path: string;
  headers: Record<string, string>;
  body?: string;
}): Promise<{ status: number; text: string; continued: boolean }> {
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = httpRequest(`${base()}${path}`, { method: "POST", headers, timeout: ANSWER_WITHIN_MS });
    req.on("continue", () => (continued = true));
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, text, continued });
        req.destroy();
      });
    });
    req.on("timeout", () => req.destroy(new Error(`no answer to ${path} within ${ANSWER_WITHIN_MS} ms`)));
    req.on("error", reject);
    if (body !== undefined) req.end(body);
    else req.flushHeaders();
  });
}
