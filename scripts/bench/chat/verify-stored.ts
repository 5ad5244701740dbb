/**
 * Reads back one run's rows with the raw driver, in the room order Duet reads them (createdAt,
 * then id), and checks each sender's against what it had acknowledged: seq 0, 1, 2 … n−1,
 * each once, in send order, nothing stored that was not acknowledged.
 */
import Database from "better-sqlite3";
import { Client } from "pg";
import { getDatabaseProvider, getSqliteFilePath } from "../../../lib/server/db/database-url";

export interface StoredCheck {
  stored: number;
  /** Rows missing, duplicated, out of order or not acknowledged, summed over senders. */
  problems: number;
  detail: string[];
}

type TRow = { authorId: string; body: string };

async function readRows(databaseUrl: string, runTag: string): Promise<TRow[]> {
  const sql = `SELECT "authorId", "body" FROM "Message" WHERE "body" LIKE $1 ORDER BY "createdAt", "id"`;
  if (getDatabaseProvider(databaseUrl) === "sqlite") {
    const db = new Database(getSqliteFilePath(databaseUrl), { readonly: true });
    try {
      return db.prepare(sql.replace("$1", "?")).all(`${runTag}:%`) as TRow[];
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<TRow>(sql, [`${runTag}:%`])).rows;
  } finally {
    await client.end();
  }
}

export async function verifyStored(databaseUrl: string, runTag: string, ackedByAuthor: Map<string, number>): Promise<StoredCheck> {
  const seqsByAuthor = new Map<string, number[]>();
  const rows = await readRows(databaseUrl, runTag);
  for (const { authorId, body } of rows) {
    const seq = Number(body.slice(runTag.length + 1).split(" ")[0]);
    const seqs = seqsByAuthor.get(authorId) ?? [];
    seqs.push(seq);
    seqsByAuthor.set(authorId, seqs);
  }
  const detail: string[] = [];
  let problems = 0;
  for (const [authorId, acked] of ackedByAuthor) {
    const seqs = seqsByAuthor.get(authorId) ?? [];
    const wrong = Math.max(acked, seqs.length) - seqs.filter((seq, i) => seq === i && i < acked).length;
    if (wrong > 0) detail.push(`${authorId}: acked ${acked}, stored ${seqs.length}, first seqs ${seqs.slice(0, 8).join(",")}`);
    problems += wrong;
  }
  return { stored: rows.length, problems, detail };
}
