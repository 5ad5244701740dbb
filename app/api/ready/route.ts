import { NextResponse } from "next/server";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { checkReadiness } from "@/lib/server/readiness";

/** Readiness: 200 when the database (and Redis, when configured) answer; 503 otherwise or while stopping. */
export async function GET() {
  const readiness = await checkReadiness(db, env.REDIS_URL);
  return NextResponse.json(readiness, { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}

export const dynamic = "force-dynamic";
