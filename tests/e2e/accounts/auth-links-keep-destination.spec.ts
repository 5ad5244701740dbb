import { expect, test } from "../support/test";
import { askToJoin, createRoomThroughApi, goto, newPerson, signUpThroughApi, signUpThroughForm } from "../support/people";

test("a guest who opens a room link signed out and signs up from the header lands back on the link, and joins", async ({ browser }) => {
  const host = await newPerson(browser, "Ada");
  await signUpThroughApi(host);
  const link = `/rooms/${await createRoomThroughApi(host, "Keep my place")}`;

  const guest = await newPerson(browser, "Ben");
  await goto(guest.page, link);
  await expect(guest.page).toHaveURL(/\/signin\?callbackUrl=%2Frooms%2F/);
  const header = guest.page.getByRole("navigation", { name: "Main" });
  await expect(header.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", `/signin?callbackUrl=${encodeURIComponent(link)}`);
  await header.getByRole("link", { name: "Sign up" }).click();
  await expect(guest.page).toHaveURL((url) => url.pathname === "/signup" && url.searchParams.get("callbackUrl") === link);

  await signUpThroughForm(guest);
  await expect(guest.page).toHaveURL((url) => url.pathname === link);
  await askToJoin(guest);
  await expect(guest.page.getByRole("heading", { name: "Keep my place" })).toBeVisible();
  await Promise.all([host.context.close(), guest.context.close()]);
});
