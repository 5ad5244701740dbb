/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { CallControls } from "@/app/_components/call/CallControls";
import { useCallShortcuts } from "@/app/_components/call/use-call-shortcuts";

function Harness({ onJoin = () => {}, onLeave = () => {}, inCall = false }) {
  const [media, setMedia] = useState({ audio: true, video: true });
  const toggleAudio = () => setMedia((m) => ({ ...m, audio: !m.audio }));
  const toggleVideo = () => setMedia((m) => ({ ...m, video: !m.video }));
  useCallShortcuts(toggleAudio, toggleVideo);
  return (
    <CallControls media={media} inCall={inCall} joining={false} joinDisabled={false} onToggleAudio={toggleAudio} onToggleVideo={toggleVideo} onJoin={onJoin} onLeave={onLeave} />
  );
}

describe("the call controls", () => {
  it("mute and unmute the microphone, showing the state to assistive tech", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole("button", { name: "Mute" }));
    expect(screen.getByRole("button", { name: "Unmute" })).toHaveAttribute("aria-pressed", "true");
    await user.click(screen.getByRole("button", { name: "Unmute" }));
    expect(screen.getByRole("button", { name: "Mute" })).toHaveAttribute("aria-pressed", "false");
  });

  it("turn the camera off and on", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole("button", { name: "Camera off" }));
    expect(screen.getByRole("button", { name: "Camera on" })).toHaveAttribute("aria-pressed", "true");
  });

  it("answer Ctrl+D and Ctrl+E from the keyboard", async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.keyboard("{Control>}d{/Control}");
    expect(screen.getByRole("button", { name: "Unmute" })).toBeInTheDocument();
    await user.keyboard("{Control>}e{/Control}");
    expect(screen.getByRole("button", { name: "Camera on" })).toBeInTheDocument();
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
