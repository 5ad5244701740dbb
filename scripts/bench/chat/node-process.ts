/**
 * A server node in its own process: a bare relay (storing or not) or a Duet node, as the parent's first message
 * says. Replies with its URL, then answers `{ cpu }` with the CPU time it has used so far (µs,
 * user + system), and closes and exits on `{ stop }` or when the parent is gone.
 */
import { startBareRelay } from "./bare-relay";
import { startDuetNode } from "./duet-node";
import type { NodeSpec } from "./protocol";

process.once("message", (spec: NodeSpec) => {
  const starting = spec.kind === "duet" ? startDuetNode(spec) : startBareRelay(spec);
  starting.then(
    (node) => {
      const stop = () => void node.close().finally(() => process.exit(0));
      process.on("message", (message: { cpu?: true; stop?: true }) => {
        if (message.stop) return stop();
        const { user, system } = process.cpuUsage();
        process.send?.({ cpuMicros: user + system });
      });
      process.once("disconnect", stop);
      process.send?.({ url: node.url });
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
