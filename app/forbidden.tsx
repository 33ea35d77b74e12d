import { AppLink } from "@/components/ui/app-link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-muted">Your role does not include it. Ask an admin if you need it.</p>
      <AppLink href="/generations" className="mt-6 inline-block text-accent underline">
        Go to the history
      </AppLink>
    </main>
  );
}
