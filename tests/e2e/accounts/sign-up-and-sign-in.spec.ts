import { expect, test } from "../support/test";
import { goto, newPerson, signUpThroughApi, signUpThroughForm } from "../support/people";

test("sign-up explains what is wrong with each field, and refuses an email already taken", async ({ browser }) => {
  const ada = await newPerson(browser, "Ada");
  await goto(ada.page, "/signup");
  await ada.page.getByLabel("Your name").fill("Ada");
  await ada.page.getByLabel("Email").fill("not-an-email");
  await ada.page.getByLabel("Password").fill("short");
  await ada.page.getByRole("button", { name: "Sign up" }).click();
  await expect(ada.page.getByText("Enter a valid email address")).toBeVisible();
  await expect(ada.page.getByText("Use at least 8 characters")).toBeVisible();
  await expect(ada.page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  const taken = await newPerson(browser, "Adele");
  await signUpThroughApi(taken);
  await ada.page.getByLabel("Email").fill(taken.email);
  await ada.page.getByLabel("Password").fill("a long enough password");
  await ada.page.getByRole("button", { name: "Sign up" }).click();
  await expect(ada.page.getByText("An account with this email already exists")).toBeVisible();
  await Promise.all([ada.context.close(), taken.context.close()]);
});

test("sign-in gives the same answer for an unknown email and a wrong password; sign-out ends the session", async ({ browser }) => {
  const ben = await newPerson(browser, "Ben");
  await goto(ben.page, "/signup");
  await signUpThroughForm(ben);
  await expect(ben.page.getByRole("heading", { name: "Your rooms" })).toBeVisible();

  await ben.page.getByRole("button", { name: "Sign out" }).click();
  await expect(ben.page).toHaveURL(/\/signin/);
  await goto(ben.page, "/history");
  await expect(ben.page).toHaveURL(/\/signin\?callbackUrl=%2Fhistory/);

  const answers: string[] = [];
  for (const [email, password] of [
    [ben.email, "the wrong password"],
    [`nobody-${Date.now()}@example.test`, "the wrong password"],
  ]) {
    // A fresh page each time, so the answer read is this attempt's.
    await goto(ben.page, "/signin?callbackUrl=%2Fhistory");
    await ben.page.getByLabel("Email").fill(email!);
    await ben.page.getByLabel("Password").fill(password!);
    await ben.page.getByRole("button", { name: "Sign in" }).click();
    // The form's own alert (Next.js also keeps a route announcer with role="alert").
    const alert = ben.page.locator("form").getByRole("alert");
    await expect(alert).toBeVisible();
    answers.push((await alert.textContent()) ?? "");
  }
  expect(answers[0]).toBe("That email and password don't match an account.");
  expect(answers[1]).toBe(answers[0]);

  await ben.page.getByLabel("Password").fill(ben.password);
  await ben.page.getByLabel("Email").fill(ben.email);
  await ben.page.getByRole("button", { name: "Sign in" }).click();
  await expect(ben.page).toHaveURL(/\/history$/);
  await expect(ben.page.getByRole("heading", { name: "Chat history" })).toBeVisible();
  await ben.context.close();
});

test("after a GitHub or Google sign-in with an unverified email, the sign-in page says to use the password", async ({ browser }) => {
  // Where Duet's signIn callback sends such a sign-in (the OAuth round trip itself needs the provider).
  const cy = await newPerson(browser, "Cy");
  await goto(cy.page, "/signin?error=OAuthEmailUnverified");
  await expect(cy.page.locator("form").getByRole("alert")).toHaveText(
    /hasn't verified its email address.*Sign in with your email and password instead/,
  );
  // Words put in the link are never shown.
  await goto(cy.page, "/signin?error=Call%20555-0100%20to%20unlock%20your%20account");
  await expect(cy.page.locator("form").getByRole("alert")).toHaveText("Sign-in failed. Try again.");
  await cy.context.close();
});
