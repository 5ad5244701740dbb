import { blockedCall, preCallCheck, startCall } from "./call-scenarios";
import type { Person } from "./lab-browser";
import { iceLog, type Snapshot } from "./lab-probe";
import type { LabDuet } from "./lab-services";
import type { Client } from "./lab-topology";
import { dropLink, restartSignaling } from "./outage-scenarios";
import type { Row } from "./rows";

export interface RowContext {
  row: Row;
  ada: Person;
  ben: Person;
  benClient: Client;
  duet: LabDuet;
  /** The room both are in; the pre-call check is opened from it, so it tests the relay too. */
  roomId: string;
}

export interface RowResult {
  connected: boolean;
  ada: Snapshot | null;
  ben: Snapshot | null;
  joinToFrameMs: number | null;
  /** Figures and what people saw, for the table. */
  notes: string[];
  /** Every way the row did not behave as expected; empty when it passed. */
  failures: string[];
  /** On failure: each page's ICE timeline, for the row's own report (not the table). */
  diagnostics: string[];
}

/** Runs one row's scenario in an already-built network, with both people in the room. */
export async function runScenario(ctx: RowContext): Promise<RowResult> {
  const result: RowResult = { connected: false, ada: null, ben: null, joinToFrameMs: null, notes: [], failures: [], diagnostics: [] };
  if (ctx.row.expectCheck) await preCallCheck(ctx, result);
  switch (ctx.row.scenario) {
    case "call":
      await startCall(ctx, result);
      break;
    case "blocked":
      await blockedCall(ctx, result);
      break;
    case "link-drop":
      if (await startCall(ctx, result)) await dropLink(ctx, result);
      break;
    case "signaling-restart":
      if (await startCall(ctx, result)) await restartSignaling(ctx, result);
      break;
  }
  if (result.failures.length > 0) {
    for (const person of [ctx.ada, ctx.ben]) result.diagnostics.push(`${person.name}'s ICE: ${(await iceLog(person.page)).join(", ")}`);
  }
  return result;
}
