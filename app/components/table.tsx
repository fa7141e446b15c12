// A data table as every list page draws it: scrolls sideways on a phone, a caption for screen readers, a quiet header row.
import type { ReactNode } from "react";
import { cx } from "./ui";

export type Column = { label: ReactNode; align?: "right"; className?: string };

/**
 * `columns` are the header cells; the first and last are inset to line up with the card's padding when `bleed` is set
 * (a table that runs to the card's edges). Rows are the caller's `<tr>`s.
 */
export function Table({
  caption,
  columns,
  minWidth,
  bleed = true,
  bodyTestId,
  children,
}: {
  caption: string;
  columns: Column[];
  minWidth?: string;
  bleed?: boolean;
  bodyTestId?: string;
  children: ReactNode;
}) {
  return (
    <div className={cx("overflow-x-auto", bleed && "-mx-5")}>
      <table className="w-full text-left text-sm" style={minWidth ? { minWidth } : undefined}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {columns.map((c, i) => (
              <th
                key={i}
                scope="col"
                className={cx(
                  "py-2 font-medium",
                  bleed ? (i === 0 || i === columns.length - 1 ? "px-5" : "px-3") : "",
                  c.align === "right" && "text-right",
                  c.className,
                )}
              >
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100" data-testid={bodyTestId}>
          {children}
        </tbody>
      </table>
    </div>
  );
}
