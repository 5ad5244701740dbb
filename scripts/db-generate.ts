// npm run db:generate — writes prisma/<provider>/schema.prisma from the provider-neutral
// prisma/schema.prisma and generates one Prisma client per provider into
// lib/server/db/generated/<provider>. Quiet on success; on failure prints Prisma's output.
import { spawn } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { DATABASE_PROVIDERS, type TDatabaseProvider } from "../lib/server/db/database-url";
import { getProviderSchemaPath, renderProviderSchema, REPO_ROOT, SOURCE_SCHEMA_PATH } from "./lib/prisma-schemas";

const PRISMA_CLI = path.join(path.dirname(require.resolve("prisma/package.json")), "build/index.js");

const PRISMA_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  // The CLI insists on a schema-engine binary and downloads one from binaries.prisma.sh unless
  // this points at an existing executable. `generate` never runs it (migrations go through
  // @prisma/schema-engine-wasm, see scripts/lib/schema-engine.ts), so any executable will do.
  PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
  // No telemetry ping and no "update available" check: both would reach for the network.
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};

function runPrismaGenerate(schemaPath: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PRISMA_CLI, "generate", "--schema", schemaPath], {
      cwd: REPO_ROOT,
      env: PRISMA_ENV,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function generate(provider: TDatabaseProvider, source: string): Promise<void> {
  const schemaPath = getProviderSchemaPath(provider);
  await mkdir(path.dirname(schemaPath), { recursive: true });
  await writeFile(schemaPath, renderProviderSchema(source, provider));
  const { code, output } = await runPrismaGenerate(schemaPath);
  if (code !== 0) {
    throw new Error(`prisma generate failed for ${path.relative(REPO_ROOT, schemaPath)}:\n${output.trim()}`);
  }
}

async function main(): Promise<void> {
  const source = await readFile(SOURCE_SCHEMA_PATH, "utf8");
  // Both providers at once: each run is mostly CLI start-up, so this halves the wall time.
  const results = await Promise.allSettled(DATABASE_PROVIDERS.map((provider) => generate(provider, source)));
  const failures = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
  for (const failure of failures) {
    console.error(failure instanceof Error ? failure.message : String(failure));
  }
  if (failures.length > 0) process.exit(1);
}

void main().catch((error: unknown) => {
  console.error(`db:generate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
