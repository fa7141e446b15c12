// Labelled form fields that show their errors next to the input and tie them together for screen readers.
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { useIsPending } from "~/utils/form";
import { Button, cx } from "./ui";

export function TextField({
  label,
  meta,
  inputProps,
  hint,
  unit,
}: {
  label: string;
  meta: FieldMetadata<unknown>;
  inputProps: ComponentPropsWithoutRef<"input">;
  hint?: string;
  /** Shown after a short input (s, %): the input is then as wide as a number needs. */
  unit?: string;
}) {
  const errors = meta.errors?.filter(Boolean) ?? [];
  const input = (
    <input
      {...inputProps}
      id={meta.id}
      aria-invalid={errors.length ? true : undefined}
      aria-describedby={errors.length ? meta.errorId : hint ? `${meta.id}-hint` : undefined}
      className={cx(
        "block rounded-lg border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:outline-none focus:ring-2",
        unit ? "w-28 tabular-nums" : "mt-1 w-full",
        errors.length ? "border-rose-400 focus:ring-rose-300" : "border-slate-300 focus:border-brand-500 focus:ring-brand-100",
      )}
    />
  );
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {unit ? (
        <span className="mt-1 flex items-center gap-2">
          {input}
          <span className="text-sm text-slate-600">{unit}</span>
        </span>
      ) : (
        input
      )}
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

const CONTROL =
  "mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 border-slate-300 focus:border-brand-500 focus:ring-brand-100 aria-[invalid=true]:border-rose-400";

/** The error line under a field, tied to the control with aria-describedby. */
export function FieldError({ meta }: { meta: FieldMetadata<unknown> }) {
  const errors = meta.errors?.filter(Boolean) ?? [];
  return errors.length ? (
    <p id={meta.errorId} className="mt-1 text-sm text-rose-700">
      {errors.join(" ")}
    </p>
  ) : null;
}

function describedBy(meta: FieldMetadata<unknown>, hint?: ReactNode) {
  if (meta.errors?.length) return meta.errorId;
  return hint ? `${meta.id}-hint` : undefined;
}

export function SelectField({
  label,
  meta,
  selectProps,
  options,
  placeholder,
  hint,
}: {
  label: string;
  meta: FieldMetadata<unknown>;
  selectProps: ComponentPropsWithoutRef<"select">;
  options: Array<{ value: string; label: string }>;
  placeholder?: string;
  hint?: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        {...selectProps}
        id={meta.id}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta, hint)}
        className={CONTROL}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && !meta.errors?.length ? (
        <p id={`${meta.id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError meta={meta} />
    </div>
  );
}

export function TextAreaField({
  label,
  meta,
  textareaProps,
  hideLabel,
}: {
  label: string;
  meta: FieldMetadata<unknown>;
  textareaProps: ComponentPropsWithoutRef<"textarea">;
  /** For a textarea whose card title already says what it is: the label is read out but not shown. */
  hideLabel?: boolean;
}) {
  return (
    <div>
      <label htmlFor={meta.id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      <textarea
        {...textareaProps}
        id={meta.id}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta)}
        className={cx(CONTROL, "min-h-24")}
      />
      <FieldError meta={meta} />
    </div>
  );
}

/** A CSV file to upload (history, applicants), its label above and its error below. */
export function CsvFileField({ label, meta }: { label: string; meta: FieldMetadata<unknown> }) {
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        {...getInputProps(meta, { type: "file" })}
        accept=".csv,text/csv"
        className="mt-1 block w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-brand-800"
      />
      <FieldError meta={meta} />
    </div>
  );
}

/** Several checkboxes under one name, as a fieldset with a legend. */
export function CheckboxGroup({
  legend,
  meta,
  options,
  defaultValues,
}: {
  legend: string;
  meta: FieldMetadata<unknown>;
  options: Array<{ value: string; label: string }>;
  defaultValues?: readonly string[];
}) {
  return (
    <fieldset aria-describedby={meta.errors?.length ? meta.errorId : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className="inline-flex items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name={meta.name}
              value={o.value}
              defaultChecked={defaultValues?.includes(o.value)}
              className="h-4 w-4 rounded border-slate-300 accent-brand-600"
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError meta={meta} />
    </fieldset>
  );
}

/**
 * Errors of the whole form (a rule that refused it, not one field), announced when they appear. With `list`, the
 * first message leads and the others (each broken rule, each bad line of a file) follow as a list.
 */
export function FormErrors({ errors, id, list, testId }: { errors?: string[] | null; id?: string; list?: boolean; testId?: string }) {
  const shown = errors?.filter(Boolean) ?? [];
  if (!shown.length) return null;
  const [lead, ...rest] = shown;
  return (
    <div id={id} role="alert" data-testid={testId} className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
      {list ? (
        <>
          <p className="font-medium">{lead}</p>
          {rest.length ? (
            <ul className="mt-1 max-h-64 list-disc overflow-auto pl-5">
              {rest.map((message, i) => (
                <li key={`${i}-${message}`}>{message}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        shown.join(" ")
      )}
    </div>
  );
}

/**
 * A form that is one button (approve, decline, retry, cancel): posts its `intent` and a few hidden values, and is
 * disabled while any form of the page is being sent, so a double click sends once.
 */
export function ActionButton({
  intent,
  values = {},
  formClassName,
  ...buttonProps
}: { intent: string; values?: Record<string, string>; formClassName?: string } & Omit<ComponentPropsWithoutRef<typeof Button>, "type" | "name" | "value">) {
  const pending = useIsPending();
  return (
    <Form method="post" className={formClassName}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" {...buttonProps} disabled={pending || buttonProps.disabled} />
    </Form>
  );
}
