import { describeFallback, devicesOfKind, resolveSpeaker, type TDevice } from "@/lib/client/media/device-choice";

const devices: TDevice[] = [
  { deviceId: "cam-a", kind: "videoinput", label: "Front camera" },
  { deviceId: "cam-b", kind: "videoinput", label: "" },
  { deviceId: "mic-a", kind: "audioinput", label: "Headset" },
  { deviceId: "default", kind: "audiooutput", label: "Default" },
  { deviceId: "spk-a", kind: "audiooutput", label: "Speakers" },
];

describe("device choice", () => {
  it("lists one kind, naming the devices the browser leaves unlabelled (before permission)", () => {
    expect(devicesOfKind(devices, "videoinput").map((device) => device.label)).toEqual(["Front camera", "Camera 2"]);
  });

  it("says nothing when the device in use is the saved one, or when nothing was saved", () => {
    expect(describeFallback("videoinput", { deviceId: "cam-a", label: "Front camera" }, { deviceId: "cam-a", label: "Front camera" })).toBeNull();
    expect(describeFallback("videoinput", null, { deviceId: "cam-a", label: "Front camera" })).toBeNull();
  });

  it("says which saved device is missing and which one is used instead", () => {
    expect(describeFallback("audioinput", { deviceId: "gone", label: "USB mic" }, { deviceId: "mic-a", label: "Headset" })).toBe(
      "Your microphone “USB mic” isn't available, so Duet is using “Headset”.",
    );
  });

  it("plays through the saved speaker while it is plugged in, and falls back to the default, saying so, once it is gone", () => {
    expect(resolveSpeaker({ deviceId: "spk-a", label: "Speakers" }, devices)).toEqual({ deviceId: "spk-a", fallback: null });
    expect(resolveSpeaker({ deviceId: "spk-gone", label: "Headphones" }, devices)).toEqual({
      deviceId: "",
      fallback: "Your speaker “Headphones” isn't available, so Duet is using the default speaker.",
    });
  });

  it("does not call a speaker gone while the browser lists no outputs at all", () => {
    expect(
      resolveSpeaker(
        { deviceId: "spk-a", label: "Speakers" },
        devices.filter((device) => device.kind !== "audiooutput"),
      ),
    ).toEqual({ deviceId: "", fallback: null });
  });
});
