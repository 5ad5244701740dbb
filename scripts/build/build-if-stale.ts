// The first half of `npm start`: builds only when the build on disk was not made from the
// sources on disk (scripts/build/build-stamp.ts says how that is decided).
import { readBuildState } from "./build-stamp";
import { buildDuet } from "./build";

async function main(): Promise<void> {
  const state = await readBuildState();
  if (state.current) {
    console.log(`Build is current (built ${state.builtAt} from the same sources): not rebuilding.`);
    return;
  }
  console.log(`Building: ${state.reason}.`);
  await buildDuet();
}

void main().catch((error: unknown) => {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
