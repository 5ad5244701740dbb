/** Signs a new user up and in over HTTP, as a script would; returns their Cookie header. */
export async function apiSignUp(baseUrl: string, name: string): Promise<{ cookie: string; email: string }> {
  const email = `${name.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
  const password = "a long enough password";
  const created = await fetch(`${baseUrl}/api/users`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name, email, password }),
  });
  if (created.status !== 201) throw new Error(`sign-up failed: ${created.status} ${await created.text()}`);
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookiesOf(csrf) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const cookie = cookiesOf(signedIn);
  if (!cookie.includes("session-token")) throw new Error(`sign-in failed: ${signedIn.status}`);
  return { cookie, email };
}

/** Creates a room over HTTP as the user whose Cookie header is given; returns its id. */
export async function apiCreateRoom(baseUrl: string, cookie: string, name: string): Promise<string> {
  const created = await fetch(`${baseUrl}/api/rooms`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json" },
    body: JSON.stringify({ name }),
  });
  if (created.status !== 201) throw new Error(`room creation failed: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { room: { id: string } }).room.id;
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}
