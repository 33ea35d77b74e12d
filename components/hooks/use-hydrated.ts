import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

/** False in the server render and the hydration pass, true once React owns the page. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
