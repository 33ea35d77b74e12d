import { AppLink } from "@/components/ui/app-link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-muted">There is nothing at this address.</p>
      <AppLink href="/generations" className="mt-6 inline-block text-accent underline">
        Go to the history
      </AppLink>
    </main>
  );
}
