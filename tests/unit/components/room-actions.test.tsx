/** @jest-environment jsdom */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppError } from "@/lib/shared/errors";
import { RoomActions } from "@/app/_components/rooms/RoomActions";

const refresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

const ROOM = { id: "AAAAAAAAAAAAAAAAAAAAAA", name: "Design review" };
const GUEST = { id: "guest-1", name: "Ben" };

function requests(overrides: Partial<Record<"rename" | "delete" | "removeGuest" | "leave", jest.Mock>> = {}) {
  return {
    rename: jest.fn(async () => ({})),
    delete: jest.fn(async () => ({})),
    removeGuest: jest.fn(async () => ({})),
    leave: jest.fn(async () => ({})),
    ...overrides,
  };
}

describe("a room's actions on the home page", () => {
  beforeEach(() => refresh.mockClear());

  it("offers the owner rename, remove the guest by name, and delete; the guest only leave", () => {
    const { unmount } = render(<RoomActions room={ROOM} myRole="owner" guest={GUEST} requests={requests()} />);
    expect(screen.getAllByRole("button").map((button) => button.textContent)).toEqual(["Rename", "Remove Ben", "Delete"]);
    unmount();
    render(<RoomActions room={ROOM} myRole="guest" guest={GUEST} requests={requests()} />);
    expect(screen.getAllByRole("button").map((button) => button.textContent)).toEqual(["Leave"]);
  });

  it("asks before deleting, naming the room, and deletes only on confirmation", async () => {
    const user = userEvent.setup();
    const calls = requests();
    render(<RoomActions room={ROOM} myRole="owner" guest={GUEST} requests={calls} />);
    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect(screen.getByRole("group", { name: "Confirm" })).toHaveTextContent(
      "Delete “Design review”? Its messages and call records are deleted with it, for Ben too.",
    );
    expect(screen.getByRole("button", { name: "Delete room" })).toHaveFocus();
    expect(calls.delete).not.toHaveBeenCalled();
    await user.keyboard("{Enter}");
    expect(calls.delete).toHaveBeenCalledWith(ROOM.id);
    await waitFor(() => expect(refresh).toHaveBeenCalled());
  });

  it("backs out with Escape, deleting nothing, and gives the focus back to the button", async () => {
    const user = userEvent.setup();
    const calls = requests();
    render(<RoomActions room={ROOM} myRole="owner" guest={GUEST} requests={calls} />);
    await user.click(screen.getByRole("button", { name: "Remove Ben" }));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("group", { name: "Confirm" })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole("button", { name: "Remove Ben" })).toHaveFocus());
    expect(calls.removeGuest).not.toHaveBeenCalled();
  });

  it("shows the work in progress, then Duet's refusal in words", async () => {
    const user = userEvent.setup();
    let refuse: (error: AppError) => void = () => {};
    const removeGuest = jest.fn(() => new Promise((_, reject) => (refuse = reject)));
    render(<RoomActions room={ROOM} myRole="owner" guest={GUEST} requests={requests({ removeGuest })} />);
    await user.click(screen.getByRole("button", { name: "Remove Ben" }));
    const confirm = within(screen.getByRole("group", { name: "Confirm" }));
    await user.click(confirm.getByRole("button", { name: "Remove Ben" }));
    expect(removeGuest).toHaveBeenCalledWith(ROOM.id, GUEST.id);
    expect(confirm.getByRole("button", { name: "Removing…" })).toBeDisabled();
    refuse(new AppError("CONFLICT", "That person is no longer this room's guest."));
    expect(await confirm.findByRole("alert")).toHaveTextContent("That person is no longer this room's guest.");
    expect(confirm.getByRole("button", { name: "Remove Ben" })).toBeEnabled();
  });

  it("renames in place: a blank name is refused before asking Duet, Enter saves a good one", async () => {
    const user = userEvent.setup();
    const calls = requests();
    render(<RoomActions room={ROOM} myRole="owner" guest={null} requests={calls} />);
    await user.click(screen.getByRole("button", { name: "Rename" }));
    const field = screen.getByLabelText("New name for “Design review”");
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("Name the room");
    expect(calls.rename).not.toHaveBeenCalled();
    await user.type(field, "Friday planning{Enter}");
    expect(calls.rename).toHaveBeenCalledWith(ROOM.id, "Friday planning");
    await waitFor(() => expect(screen.queryByLabelText("New name for “Design review”")).not.toBeInTheDocument());
  });
});
