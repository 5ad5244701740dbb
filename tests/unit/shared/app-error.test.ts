import { toErrorBody } from "@/lib/shared/ack";
import { AppError } from "@/lib/shared/errors";

describe("an AppError", () => {
  it("keeps its code, message and retry hint when another copy of the module threw it", () => {
    let OtherAppError: typeof AppError;
    jest.isolateModules(() => {
      OtherAppError = (jest.requireActual("@/lib/shared/errors") as typeof import("@/lib/shared/errors")).AppError;
    });
    const thrown = new OtherAppError!("RATE_LIMITED", "Too many sign-in attempts. Try again in 3 minutes.", undefined, 150_000);
    expect(thrown).not.toBeInstanceOf(AppError);
    expect(toErrorBody(thrown)).toEqual({ code: "RATE_LIMITED", message: "Too many sign-in attempts. Try again in 3 minutes.", retryAfterMs: 150_000 });
  });
});
