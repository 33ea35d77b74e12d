import { SHORTCUT_GROUPS } from "@/components/layout/shortcuts";

/** The shortcuts, grouped by where they work: a server component, shown in the help dialog. */
export function ShortcutList() {
  return (
    <>
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group.where} aria-label={group.where}>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">{group.where}</h3>
          <dl className="mt-1 divide-y divide-black/5 text-sm">
            {group.shortcuts.map((shortcut) => (
              <div key={shortcut.keys.join("+")} className="flex items-center justify-between gap-4 py-1.5">
                <dt>
                  {shortcut.keys.map((key) => (
                    <kbd key={key} className="rounded border border-black/20 bg-canvas px-1.5 py-0.5 font-mono text-xs">
                      {key}
                    </kbd>
                  ))}
                </dt>
                <dd className="text-right">{shortcut.does}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
