"use client";
import { memo, useId } from "react";
import { devicesOfKind, type TDevice, type TDeviceKind } from "@/lib/client/media/device-choice";

interface DevicePickersProps {
  devices: TDevice[];
  /** The device in use per kind; "" is the browser's default. */
  chosen: Record<TDeviceKind, string>;
  onChoose(kind: TDeviceKind, deviceId: string): void;
  /** Speakers can be chosen only where the browser has HTMLMediaElement.setSinkId (not Safari or Firefox before 116). */
  canChooseSpeaker: boolean;
  sounds: boolean;
  onSoundsChange(enabled: boolean): void;
}

const PICKERS: Array<{ kind: TDeviceKind; label: string }> = [
  { kind: "videoinput", label: "Camera" },
  { kind: "audioinput", label: "Microphone" },
  { kind: "audiooutput", label: "Speaker" },
];

const selectClass = "w-full min-w-0 truncate rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

/**
 * Camera, microphone and speaker, each remembered by this browser, and whether join/leave sounds
 * play. Memo: the call stage re-renders at every step of a call, and these do not change with it.
 */
export const DevicePickers = memo(function DevicePickers({
  devices,
  chosen,
  onChoose,
  canChooseSpeaker,
  sounds,
  onSoundsChange,
}: DevicePickersProps) {
  const idPrefix = useId();
  return (
    <fieldset className="grid gap-2 text-sm sm:grid-cols-3" data-testid="device-pickers">
      <legend className="sr-only">Devices</legend>
      {PICKERS.map(({ kind, label }) => {
        const options = devicesOfKind(devices, kind);
        if (kind === "audiooutput" && (!canChooseSpeaker || options.length === 0)) return null;
        const value = options.some((device) => device.deviceId === chosen[kind]) ? chosen[kind] : (options[0]?.deviceId ?? "");
        return (
          // A label beside the select, not around it: wrapped, its chosen option would become part of the select's name.
          <div key={kind} className="flex min-w-0 flex-col gap-1 text-slate-700 dark:text-slate-300">
            <label htmlFor={`${idPrefix}-${kind}`}>{label}</label>
            <select
              id={`${idPrefix}-${kind}`}
              className={selectClass}
              value={value}
              disabled={options.length === 0}
              onChange={(event) => onChoose(kind, event.target.value)}
            >
              {options.length === 0 && <option value="">No {label.toLowerCase()} found</option>}
              {options.map((device) => (
                <option key={device.deviceId} value={device.deviceId}>
                  {device.label}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      <label className="flex items-center gap-2 text-slate-700 sm:col-span-3 dark:text-slate-300">
        <input type="checkbox" checked={sounds} onChange={(event) => onSoundsChange(event.target.checked)} />
        Play a sound when the other person joins or leaves
      </label>
    </fieldset>
  );
});
