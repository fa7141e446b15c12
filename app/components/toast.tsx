// Shows the toast an action left behind, announced to screen readers, dismissed after a few seconds.
import { useEffect, useState } from "react";
import { cx } from "./ui";

type Toast = { kind: "success" | "error" | "info"; title: string; description?: string };

export function ToastViewport({ toast }: { toast: Toast | null }) {
  const [shown, setShown] = useState<Toast | null>(toast);
  useEffect(() => {
    setShown(toast);
    if (!toast) return;
    const timer = setTimeout(() => setShown(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);

  return (
    <div aria-live="polite" role="status" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4 sm:justify-end">
      {shown ? (
        <div
          className={cx(
            "pointer-events-auto w-full max-w-sm rounded-lg border bg-white p-4 shadow-lg",
            shown.kind === "error" ? "border-rose-300" : shown.kind === "info" ? "border-sky-300" : "border-emerald-300",
          )}
        >
          <div className="flex items-start gap-3">
            <span
              aria-hidden="true"
              className={cx(
                "mt-1 h-2.5 w-2.5 shrink-0 rounded-full",
                shown.kind === "error" ? "bg-rose-500" : shown.kind === "info" ? "bg-sky-500" : "bg-emerald-500",
              )}
            />
            <div className="flex-1">
              <p className="text-sm font-medium text-slate-900">{shown.title}</p>
              {shown.description ? <p className="mt-1 text-sm text-slate-600">{shown.description}</p> : null}
            </div>
            <button type="button" onClick={() => setShown(null)} className="rounded px-1 text-slate-500 hover:text-slate-800" aria-label="Dismiss message">
              ×
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
