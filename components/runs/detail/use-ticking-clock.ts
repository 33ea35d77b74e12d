"use client";

import { useEffect, useState } from "react";

/** Now, every second while `running` and the tab is visible; frozen otherwise. */
export function useTickingClock(running: boolean, start: number): number {
  const [now, setNow] = useState(start);
  useEffect(() => {
    if (!running) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    const tick = () => setNow(Date.now());
    const sync = () => {
      clearInterval(timer);
      timer = undefined;
      if (document.hidden) return;
      tick();
      timer = setInterval(tick, 1_000);
    };
    sync();
    document.addEventListener("visibilitychange", sync);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", sync);
    };
  }, [running]);
  return now;
}
