// Labelled form fields that show their errors next to the input and tie them together for screen readers.
import type { FieldMetadata } from "@conform-to/react";
import type { ComponentPropsWithoutRef } from "react";
import { cx } from "./ui";

export function TextField({
  label,
  meta,
  inputProps,
  hint,
}: {
  label: string;
  meta: FieldMetadata<unknown>;
  inputProps: ComponentPropsWithoutRef<"input">;
  hint?: string;
}) {
  const errors = meta.errors?.filter(Boolean) ?? [];
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        {...inputProps}
        id={meta.id}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={errors.length ? meta.errorId : hint ? `${meta.id}-hint` : undefined}
        className={cx(
          "mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:outline-none focus:ring-2",
          errors.length ? "border-rose-400 focus:ring-rose-300" : "border-slate-300 focus:border-brand-500 focus:ring-brand-100",
        )}
      />
      {hint && !errors.length ? (
        <p id={`${meta.id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <p id={meta.errorId} className="mt-1 text-sm text-rose-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
