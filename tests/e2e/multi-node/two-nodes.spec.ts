import { expect, test } from "../support/test";
import { expectRemoteMediaPlaying } from "../support/call-probe";
import { startDuet, type DuetProcess } from "../support/duet-process";
import { freePort } from "../support/free-port";
import { createRoomThroughApi, goto, joinRoomByLink, newPerson, signUpThroughApi } from "../support/people";
import { createEmptyPostgresDatabase, type EmptyPostgresDatabase } from "../../helpers/postgres-database";
import { TEST_REDIS_URL } from "../../helpers/test-redis";

let database: EmptyPostgresDatabase;
const nodes: DuetProcess[] = [];

test.beforeAll(async () => {
  database = await createEmptyPostgresDatabase("duet_two_nodes");
  for (const [index, port] of [await freePort(), await freePort()].entries()) {
    // Each person reaches their node directly here, so each node's site URL is its own address.
    const env = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, AUTH_SECRET: "two-nodes-secret-two-nodes-secret-0001" };
    nodes.push(await startDuet({ port, env, migrate: index === 0 }));
  }
});

test.afterAll(async () => {
  await Promise.all(nodes.map((node) => node.stop()));
  await database?.drop();
});

test("two people on two nodes sharing PostgreSQL and Redis call and chat", async ({ browser }) => {
  const [nodeA, nodeB] = nodes as [DuetProcess, DuetProcess];
  const ada = await newPerson(browser, "Ada", nodeA.url);
  const ben = await newPerson(browser, "Ben", nodeB.url);
  await Promise.all([signUpThroughApi(ada), signUpThroughApi(ben)]);

  const roomId = await createRoomThroughApi(ada, "Across nodes");
  await goto(ada.page, `/rooms/${roomId}`);
  await joinRoomByLink(ben, `/rooms/${roomId}`);

  await test.step("the call connects across nodes", async () => {
    await ada.page.getByRole("button", { name: "Join call" }).click();
    await expect(ada.page.getByText("Waiting for Ben to join…")).toBeVisible();
    const joinedAt = Date.now();
    await ben.page.getByRole("button", { name: "Join call" }).click();
    await Promise.all([expectRemoteMediaPlaying(ada.page), expectRemoteMediaPlaying(ben.page)]);
    console.log(`[measure] two nodes: second join → media playing both ways: ${Date.now() - joinedAt} ms`);
  });

  await test.step("chat crosses nodes both ways", async () => {
    for (const [from, to, text] of [
      [ada, ben, "Hello from node A"],
      [ben, ada, "Hello from node B"],
    ] as const) {
      const sentAt = Date.now();
      await from.page.getByRole("textbox", { name: "Message" }).fill(text);
      await from.page.getByRole("textbox", { name: "Message" }).press("Enter");
      await expect(to.page.getByTestId("chat-message").last()).toContainText(text);
      console.log(`[measure] chat across nodes (send → shown on the other node): ${Date.now() - sentAt} ms`);
    }
  });

  await test.step("each node serves the same history", async () => {
    await goto(ada.page, `/rooms/${roomId}`);
    await expect(ada.page.getByTestId("chat-message")).toHaveCount(2);
  });

  await Promise.all([ada.context.close(), ben.context.close()]);
});
