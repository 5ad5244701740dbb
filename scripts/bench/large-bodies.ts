/**
 * `npm run bench:bodies` (after `npm run build`): what a few huge request bodies cost a production
 * Duet. Starts one on a fresh SQLite database (a new one per round), sends BENCH_BODIES (4) sign-up bodies of
 * BENCH_BODY_MB (50) MB each, all at once, to POST /api/users, first with Content-Length, then
 * chunked (no length), and reports each answer and the server's resident memory:
 *   before: RSS of the idle server · peak: highest RSS sampled every 10 ms from /proc during the
 *   requests · after: RSS 1 s after the last answer.
 * Extra env (e.g. HTTP_BODY_LIMIT_BYTES=…) is passed to the server as it is.
 */
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { setTimeout as pause } from "node:timers/promises";
import { startDuet } from "../../tests/e2e/support/duet-process";
import { useProductionTreeCopy } from "../../tests/support/production-tree";
import { freePort } from "../../tests/e2e/support/free-port";

const BODIES = Number(process.env.BENCH_BODIES ?? 4);
const BODY_BYTES = Number(process.env.BENCH_BODY_MB ?? 50) * 1_000_000;
const CHUNK_BYTES = 64 * 1024;

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? 0) * 1024;
}

interface Answer {
  status: number | string;
  body: string;
  ms: number;
}

/** One sign-up whose password is BODY_BYTES of "x", streamed in 64 KiB chunks as a client uploading a file would. */
function send(url: string, chunked: boolean): Promise<Answer> {
  const head = Buffer.from('{"name":"Big","email":"big@example.test","password":"');
  const tail = Buffer.from('"}');
  const total = head.length + BODY_BYTES + tail.length;
  const started = Date.now();
  return new Promise((resolve) => {
    const req = request(`${url}/api/users`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(chunked ? { "Transfer-Encoding": "chunked" } : { "Content-Length": String(total) }) },
    });
    const done = (status: number | string, body = "") => resolve({ status, body: body.slice(0, 160), ms: Date.now() - started });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => done(res.statusCode ?? 0, body));
      res.on("error", (error) => done(res.statusCode ?? 0, `${body} [${error.message}]`));
    });
    req.on("error", (error) => done(`error: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    const chunk = Buffer.alloc(CHUNK_BYTES, "x");
    let sent = 0;
    const pump = (): void => {
      if (sent === 0) req.write(head);
      while (sent < BODY_BYTES) {
        const piece = sent + CHUNK_BYTES <= BODY_BYTES ? chunk : chunk.subarray(0, BODY_BYTES - sent);
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
      req.end(tail);
    };
    pump();
  });
}

async function round(url: string, pid: number, chunked: boolean) {
  await pause(1_000);
  const before = rssOf(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 10);
  const answers = await Promise.all(Array.from({ length: BODIES }, () => send(url, chunked)));
  await pause(1_000);
  clearInterval(sampler);
  return { chunked, before, peak, after: rssOf(pid), answers };
}

async function main(): Promise<void> {
  const extraEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => key === "HTTP_BODY_LIMIT_BYTES")) as Record<string, string>;
  console.log(`${BODIES} × ${BODY_BYTES / 1_000_000} MB sign-up bodies at once to POST /api/users of a fresh production Duet`);
  const removeTree = useProductionTreeCopy();
  try {
    await bothRounds(extraEnv);
  } finally {
    removeTree();
  }
}

async function bothRounds(extraEnv: Record<string, string>): Promise<void> {
  for (const chunked of [false, true]) {
    // A fresh server each time: V8 keeps a grown heap long after the garbage is gone.
    const duet = await startDuet({ port: await freePort(), env: extraEnv });
    try {
      const result = await round(duet.url, duet.child.pid!, chunked);
      console.log(
        `\n${chunked ? "chunked (no Content-Length)" : "with Content-Length"}: RSS before ${mib(result.before)} MiB, peak ${mib(result.peak)} MiB, after ${mib(result.after)} MiB`,
      );
      for (const answer of result.answers) console.log(`  ${answer.status} in ${answer.ms} ms ${answer.body}`);
      const alive = await fetch(`${duet.url}/api/health`).then(
        (response) => response.status,
        (error: Error) => error.message,
      );
      console.log(`  /api/health afterwards: ${alive}`);
    } finally {
      await duet.stop();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
