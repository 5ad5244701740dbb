/** @jest-environment jsdom */
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ChatPanel } from "@/app/_components/chat/ChatPanel";
import { useChat, type TLoadHistory } from "@/lib/client/use-chat";
import type { TRoomSocket } from "@/lib/client/room-socket";
import type { TChatMessage } from "@/lib/shared/message";
import { FakeRoomSocket } from "../support/fake-room-socket";

const me = { id: "me", name: "Ada" };
const ben = { id: "ben", name: "Ben" };

const stored = (clientId: string, body: string, author = me, id = `m-${clientId}`): TChatMessage => ({
  id,
  roomId: "room",
  clientId,
  body,
  createdAt: "2026-11-24T10:00:00.000Z",
  author,
});

/** The room socket as the chat sees it; the fake records sends and lets the test answer them. */
function fakeSocket({ connected = true } = {}) {
  const fake = new FakeRoomSocket({ connected });
  return {
    fake,
    socket: fake as unknown as TRoomSocket,
    sends: fake.sends,
    deliver: (message: TChatMessage) => act(() => fake.fire("chat:message", message)),
  };
}

function Harness({ socket, loadHistory }: { socket: TRoomSocket; loadHistory: TLoadHistory }) {
  return <ChatPanel chat={useChat(socket, me, loadHistory, "room")} me={me} />;
}

afterEach(() => localStorage.clear());

const emptyHistory: TLoadHistory = async () => ({ messages: [], nextCursor: null });

describe("the chat panel", () => {
  it("shows a sent message as pending until the server stores it", async () => {
    const user = userEvent.setup();
    const { socket, sends } = fakeSocket();
    render(<Harness socket={socket} loadHistory={emptyHistory} />);
    expect(await screen.findByText("No messages yet. Say hello!")).toBeInTheDocument();

    await user.type(screen.getByLabelText("Message"), "Hello there{Enter}");
    const item = screen.getByText("Hello there").closest("li")!;
    expect(item).toHaveAttribute("data-status", "pending");
    expect(within(item).getByText("Sending…")).toBeInTheDocument();
    expect(screen.getByLabelText("Message")).toHaveValue("");

    const [send] = sends;
    act(() => send!.reply(null, { ok: true, data: stored(send!.payload.clientId, "Hello there") }));
    const sent = screen.getByText("Hello there").closest("li")!;
    expect(sent).toHaveAttribute("data-status", "sent");
    expect(within(sent).queryByText("Sending…")).not.toBeInTheDocument();
  });

  it("marks a message the server refused as failed with its reason, and retries it with the same client id, focus back in the message box", async () => {
    const user = userEvent.setup();
    const { socket, sends } = fakeSocket();
    render(<Harness socket={socket} loadHistory={emptyHistory} />);
    await user.type(screen.getByLabelText("Message"), "Are you there?{Enter}");
    act(() => sends[0]!.reply(null, { ok: false, error: { code: "RATE_LIMITED", message: "Too many messages; wait a moment" } }));

    const failed = screen.getByText("Are you there?").closest("li")!;
    expect(failed).toHaveAttribute("data-status", "failed");
    expect(within(failed).getByRole("alert")).toHaveTextContent("Not sent: Too many messages; wait a moment");

    await user.click(within(failed).getByRole("button", { name: "Retry" }));
    // The button is gone with the failure: focus is in the message box, not lost.
    expect(screen.getByLabelText("Message")).toHaveFocus();
    expect(sends).toHaveLength(2);
    expect(sends[1]!.payload).toEqual(sends[0]!.payload);
    expect(screen.getByText("Are you there?").closest("li")).toHaveAttribute("data-status", "pending");

    act(() => sends[1]!.reply(null, { ok: true, data: stored(sends[1]!.payload.clientId, "Are you there?") }));
    expect(screen.getByText("Are you there?").closest("li")).toHaveAttribute("data-status", "sent");
  });

  it("discards a refused message, and keeps focus in the message box", async () => {
    const user = userEvent.setup();
    const { socket, sends } = fakeSocket();
    render(<Harness socket={socket} loadHistory={emptyHistory} />);
    await user.type(screen.getByLabelText("Message"), "<too much>{Enter}");
    act(() => sends[0]!.reply(null, { ok: false, error: { code: "VALIDATION", message: "Write a message" } }));
    await user.click(screen.getByRole("button", { name: "Discard" }));
    expect(screen.queryByText("<too much>")).not.toBeInTheDocument();
    expect(screen.getByLabelText("Message")).toHaveFocus();
    expect(localStorage.length).toBe(0);
  });

  it("lets a person write while offline, shows the messages queued, and sends them when the socket is back", async () => {
    const user = userEvent.setup();
    const { fake, socket, sends } = fakeSocket({ connected: false });
    render(<Harness socket={socket} loadHistory={emptyHistory} />);
    await user.type(screen.getByLabelText("Message"), "first{Enter}");
    await user.type(screen.getByLabelText("Message"), "second{Enter}");
    expect(sends).toHaveLength(0);
    const queued = screen.getAllByTestId("chat-message");
    expect(queued.map((item) => item.getAttribute("data-status"))).toEqual(["queued", "queued"]);
    expect(within(queued[0]!).getByText("Will send when back online")).toBeInTheDocument();

    act(() => fake.reconnect());
    expect(screen.getAllByTestId("chat-message").map((item) => item.getAttribute("data-status"))).toEqual(["pending", "pending"]);
    act(() => sends[0]!.reply(null, { ok: true, data: stored(sends[0]!.payload.clientId, "first") }));
    act(() => sends[1]!.reply(null, { ok: true, data: { ...stored(sends[1]!.payload.clientId, "second"), createdAt: "2026-11-24T10:00:01.000Z" } }));
    const items = screen.getAllByTestId("chat-message");
    expect(items.map((item) => `${item.getAttribute("data-status")}:${item.querySelector("p")!.textContent}`)).toEqual(["sent:first", "sent:second"]);
  });

  it("keeps a message unanswered by the server queued, never failed", async () => {
    const user = userEvent.setup();
    const { fake, socket, sends } = fakeSocket();
    render(<Harness socket={socket} loadHistory={emptyHistory} />);
    await user.type(screen.getByLabelText("Message"), "anyone?{Enter}");
    act(() => fake.drop());
    const item = screen.getByText("anyone?").closest("li")!;
    expect(item).toHaveAttribute("data-status", "queued");
    expect(within(item).queryByRole("alert")).not.toBeInTheDocument();
    // A reconnect also fetches what was said meanwhile: let that settle.
    await act(async () => fake.reconnect());
    expect(sends.map((send) => send.payload.clientId)).toEqual([sends[0]!.payload.clientId, sends[0]!.payload.clientId]);
  });

  it("warns that unsent messages would be lost when the browser refuses to store them", async () => {
    const user = userEvent.setup();
    const setItem = jest.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("quota", "QuotaExceededError");
    });
    try {
      const { socket } = fakeSocket({ connected: false });
      render(<Harness socket={socket} loadHistory={emptyHistory} />);
      await user.type(screen.getByLabelText("Message"), "kept in this tab{Enter}");
      expect(screen.getByText("kept in this tab").closest("li")).toHaveAttribute("data-status", "queued");
      expect(screen.getByRole("status")).toHaveTextContent("keep this tab open until they are sent");
    } finally {
      setItem.mockRestore();
    }
  });

  it("shows history oldest first with authors, then messages as they arrive", async () => {
    const { socket, deliver } = fakeSocket();
    const history: TLoadHistory = async () => ({
      messages: [stored("a", "first", ben, "1"), stored("b", "second", me, "2")],
      nextCursor: null,
    });
    render(<Harness socket={socket} loadHistory={history} />);
    await screen.findByText("first");
    deliver({ ...stored("c", "third", ben, "3"), createdAt: "2026-11-24T10:01:00.000Z" });
    const bodies = screen.getAllByTestId("chat-message").map((item) => item.querySelector("p")!.textContent);
    expect(bodies).toEqual(["first", "second", "third"]);
    expect(screen.getAllByText("Ben")).toHaveLength(2);
  });

  it("shows a message sent between reading the history and joining the room, once connected", async () => {
    const { fake, socket } = fakeSocket({ connected: false });
    const pages = [
      [stored("a", "before the page opened", ben, "1")],
      [stored("a", "before the page opened", ben, "1"), stored("b", "meanwhile", ben, "2")],
    ];
    const history: TLoadHistory = async () => ({ messages: pages.shift() ?? [], nextCursor: null });
    render(<Harness socket={socket} loadHistory={history} />);
    await screen.findByText("before the page opened");

    act(() => fake.reconnect());

    await screen.findByText("meanwhile");
    expect(screen.getAllByTestId("chat-message")).toHaveLength(2);
  });

  it("renders markup in a message as text", async () => {
    const { socket } = fakeSocket();
    const history: TLoadHistory = async () => ({ messages: [stored("x", "<img src=x onerror=alert(1)><b>bold</b>", ben)], nextCursor: null });
    const { container } = render(<Harness socket={socket} loadHistory={history} />);
    expect(await screen.findByText("<img src=x onerror=alert(1)><b>bold</b>")).toBeInTheDocument();
    expect(container.querySelector("img, b")).toBeNull();
  });

  it("loads older messages on demand", async () => {
    const user = userEvent.setup();
    const { socket } = fakeSocket();
    const loadHistory = jest.fn<ReturnType<TLoadHistory>, Parameters<TLoadHistory>>(async (before) =>
      before ? { messages: [stored("o", "older", ben, "0")], nextCursor: null } : { messages: [stored("n", "newer", ben, "5")], nextCursor: "5" },
    );
    render(<Harness socket={socket} loadHistory={loadHistory} />);
    await user.click(await screen.findByRole("button", { name: "Load older messages" }));
    await screen.findByText("older");
    expect(loadHistory).toHaveBeenLastCalledWith("5");
    expect(screen.queryByRole("button", { name: "Load older messages" })).not.toBeInTheDocument();
  });

  it("keeps Shift+Enter as a new line instead of sending", async () => {
    const user = userEvent.setup();
    const { socket, sends } = fakeSocket();
    render(<Harness socket={socket} loadHistory={emptyHistory} />);
    await user.type(screen.getByLabelText("Message"), "line one{Shift>}{Enter}{/Shift}line two");
    expect(sends).toHaveLength(0);
    expect(screen.getByLabelText("Message")).toHaveValue("line one\nline two");
  });
});
