/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { CallControls } from "@/app/_components/call/CallControls";
import { useCallShortcuts } from "@/app/_components/call/use-call-shortcuts";

function Harness({ onJoin = () => {}, onLeave = () => {}, onToggleShare = () => {}, onShowHelp = () => {}, inCall = false }) {
  const [media, setMedia] = useState({ audio: true, video: true });
  const toggleAudio = () => setMedia((m) => ({ ...m, audio: !m.audio }));
  const toggleVideo = () => setMedia((m) => ({ ...m, video: !m.video }));
  const [sharing, setSharing] = useState(false);
  const toggleShare = () => {
    setSharing((was) => !was);
    onToggleShare();
  };
  useCallShortcuts({ onToggleAudio: toggleAudio, onToggleVideo: toggleVideo, onShowHelp });
  return (
    <>
      <CallControls
        media={media}
        inCall={inCall}
        joining={false}
        joinDisabled={false}
        sharing={sharing}
        shareStarting={false}
        onToggleAudio={toggleAudio}
        onToggleVideo={toggleVideo}
        onToggleShare={toggleShare}
        onShowShortcuts={onShowHelp}
        onJoin={onJoin}
        onLeave={onLeave}
      />
      <label>
        Message
        <textarea />
      </label>
    </>
  );
}

describe("the call controls", () => {
  it.each([
    { toggle: "the microphone", unpressed: "Mute", pressed: "Unmute" },
    { toggle: "the camera", unpressed: "Camera off", pressed: "Camera on" },
    { toggle: "screen sharing", unpressed: "Share screen", pressed: "Stop sharing" },
  ])("toggle $toggle, naming what a press does and showing the state to assistive tech", async ({ unpressed, pressed }) => {
    const user = userEvent.setup();
    render(<Harness inCall />);
    expect(screen.getByRole("button", { name: unpressed })).toHaveAttribute("aria-pressed", "false");
    await user.click(screen.getByRole("button", { name: unpressed }));
    expect(screen.getByRole("button", { name: pressed })).toHaveAttribute("aria-pressed", "true");
    await user.click(screen.getByRole("button", { name: pressed }));
    expect(screen.getByRole("button", { name: unpressed })).toHaveAttribute("aria-pressed", "false");
  });

  it("answer Ctrl+D and Ctrl+E from the keyboard", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.keyboard("{Control>}d{/Control}");
    expect(screen.getByRole("button", { name: "Unmute" })).toBeInTheDocument();
    await user.keyboard("{Control>}e{/Control}");
    expect(screen.getByRole("button", { name: "Camera on" })).toBeInTheDocument();
  });

  it("open the shortcut list with ?, but not while typing in a text field", async () => {
    const user = userEvent.setup();
    const onShowHelp = jest.fn();
    render(<Harness onShowHelp={onShowHelp} />);
    await user.click(screen.getByRole("textbox", { name: "Message" }));
    await user.keyboard("why?");
    expect(onShowHelp).not.toHaveBeenCalled();
    expect(screen.getByRole("textbox", { name: "Message" })).toHaveValue("why?");
    await user.click(screen.getByRole("button", { name: "Mute" }));
    await user.keyboard("?");
    expect(onShowHelp).toHaveBeenCalledTimes(1);
  });

  it("offer screen sharing only during the call", async () => {
    const user = userEvent.setup();
    const onToggleShare = jest.fn();
    const { rerender } = render(<Harness onToggleShare={onToggleShare} />);
    expect(screen.queryByRole("button", { name: "Share screen" })).not.toBeInTheDocument();
    rerender(<Harness inCall onToggleShare={onToggleShare} />);
    await user.click(screen.getByRole("button", { name: "Share screen" }));
    expect(onToggleShare).toHaveBeenCalledTimes(1);
  });

  it("offer Join before the call and Leave during it, reachable with Tab", async () => {
    const user = userEvent.setup();
    const onJoin = jest.fn();
    const { rerender } = render(<Harness onJoin={onJoin} />);
    await user.tab();
    await user.tab();
    await user.tab();
    expect(screen.getByRole("button", { name: "Join call" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(onJoin).toHaveBeenCalledTimes(1);
    const onLeave = jest.fn();
    rerender(<Harness inCall onLeave={onLeave} />);
    await user.click(screen.getByRole("button", { name: "Leave call" }));
    expect(onLeave).toHaveBeenCalledTimes(1);
  });
});
