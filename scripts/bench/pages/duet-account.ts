import type { APIRequestContext, APIResponse, Browser, BrowserContextOptions } from "playwright-core";

export async function expectStatus(response: APIResponse, status: number): Promise<APIResponse> {
  if (response.status() !== status) throw new Error(`${response.url()} answered ${response.status()}: ${await response.text()}`);
  return response;
}

let counter = 0;

/** A new account, signed up and in through Duet's HTTP API; returns that browser's storage state. */
export async function signedUpStorageState(browser: Browser, baseURL: string, name: string): Promise<BrowserContextOptions["storageState"]> {
  const context = await browser.newContext({ baseURL });
  try {
    const { request } = context;
    const email = `${name.toLowerCase()}-${Date.now()}-${++counter}@example.test`;
    const password = "a long enough password";
    await expectStatus(await request.post("/api/users", { data: { name, email, password } }), 201);
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await expectStatus(await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } }), 200);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** Creates a room as the signed-in owner of `request`; returns its id. */
export async function createRoom(request: APIRequestContext, name: string): Promise<string> {
  const created = await expectStatus(await request.post("/api/rooms", { data: { name } }), 201);
  return ((await created.json()) as { room: { id: string } }).room.id;
}
