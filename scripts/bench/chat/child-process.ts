import { fork, type ChildProcess } from "node:child_process";

export interface BenchChild {
  /** Sends `message`; resolves with the child's reply, passing its `{ progress }` messages on before it. */
  request<TReply>(message: unknown, onProgress?: (progress: string) => void): Promise<TReply>;
  stop(): Promise<void>;
}

/** A TypeScript module of this folder in its own Node process (tsx's loader), talked to over IPC. */
export function forkChild(moduleFile: string, env: NodeJS.ProcessEnv = process.env): BenchChild {
  const child: ChildProcess = fork(moduleFile, [], {
    env,
    execArgv: ["--import", "tsx", ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    request<TReply>(message: unknown, onProgress?: (progress: string) => void) {
      return new Promise<TReply>((resolve, reject) => {
        const onExit = (code: number | null) => reject(new Error(`${moduleFile} exited (${code}) before it replied`));
        const onMessage = (reply: unknown) => {
          if (typeof reply === "object" && reply !== null && "progress" in reply) return onProgress?.(String(reply.progress));
          child.off("exit", onExit);
          child.off("message", onMessage);
          resolve(reply as TReply);
        };
        child.once("exit", onExit);
        child.on("message", onMessage);
        child.send(message as object);
      });
    },
    async stop() {
      if (child.exitCode === null && child.connected) child.send({ stop: true });
      await exited;
    },
  };
}
