import { NextResponse } from "next/server";

/** Liveness: the process is up and serving requests. */
export function GET() {
  return NextResponse.json({ status: "ok" });
}

export const dynamic = "force-dynamic";
