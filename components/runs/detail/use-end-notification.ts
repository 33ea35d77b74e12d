"use client";

import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import { isActiveStatus, isTerminalStatus } from "@/lib/flora/wire";
import type { RunStatus } from "@/lib/flora/wire";

type Permission = NotificationPermission | "unsupported";

const listeners = new Set<() => void>();
const readPermission = (): Permission => ("Notification" in window ? Notification.permission : "unsupported");

/** The browser's notification permission, re-read after the teammate answers the prompt. */
export function useNotificationPermission() {
  const permission = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readPermission,
    () => "unsupported" as Permission,
  );
  const request = useCallback(async () => {
    if (!("Notification" in window)) return;
    await Notification.requestPermission();
    listeners.forEach((listener) => listener());
  }, []);
  return { permission, request };
}

/** When a watched run ends while its tab is in the background, say so, if the teammate allowed it. */
export function useEndNotification(status: RunStatus | undefined, title: string, runId: string) {
  const previous = useRef(status);
  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    if (!isActiveStatus(was) || !isTerminalStatus(status)) return;
    if (!document.hidden || readPermission() !== "granted") return;
    const notification = new Notification(status === "completed" ? "Run completed" : "Run failed", { body: title, tag: runId });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  }, [status, title, runId]);
}
