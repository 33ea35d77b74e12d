import { describe, expect, it } from "vitest";
import { createPasswordCheckQueue, SignInBusyError } from "@/lib/auth/password-checks";

describe("password check queue", () => {
  it("runs at most N checks at once and turns new ones away once the queue is full", async () => {
    const queue = createPasswordCheckQueue(2, 3);
    let running = 0;
    let most = 0;
    const releases: Array<() => void> = [];
    const check = () =>
      new Promise<string>((resolve) => {
        running += 1;
        most = Math.max(most, running);
        releases.push(() => {
          running -= 1;
          resolve("checked");
        });
      });
    const accepted = Array.from({ length: 5 }, () => queue.run(check));
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.active).toBe(2);
    await expect(queue.run(check)).rejects.toBeInstanceOf(SignInBusyError);
    while (releases.length > 0 || running > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(accepted)).toEqual(Array(5).fill("checked"));
    expect(most).toBe(2);
  });
});
