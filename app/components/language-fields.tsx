// The languages-with-levels rows of the careers and opening forms: a language and a level per row, remove and add.
import { getSelectProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { LANGUAGES, LEVEL_LABELS, LEVELS } from "~/models/recruiting-vocabulary";
import { FieldError, SelectField } from "./forms";
import { Button } from "./ui";

type Row = { language: string; level: string };

export function LanguageLevelFields({
  form,
  meta,
  levelLabel,
  levelPlaceholder,
  newRow,
  addClassName,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form that has a languages list
  form: FormMetadata<any, string[]>;
  meta: FieldMetadata<Row[] | undefined, Record<string, unknown>, string[]>;
  levelLabel: string;
  /** Shown as the empty first option when the level must be chosen (the careers form). */
  levelPlaceholder?: string;
  newRow: Row;
  addClassName?: string;
}) {
  const rows = meta.getFieldList();
  return (
    <>
      <ul className="space-y-3">
        {rows.map((item, index) => {
          const row = item.getFieldset();
          return (
            <li key={item.key} className="flex flex-wrap items-end gap-3">
              <div className="min-w-40 flex-1">
                <SelectField
                  label={`Language ${index + 1}`}
                  meta={row.language}
                  selectProps={getSelectProps(row.language)}
                  placeholder="Choose…"
                  options={Object.entries(LANGUAGES).map(([value, label]) => ({ value, label }))}
                />
              </div>
              <div className="w-40">
                <SelectField
                  label={levelLabel}
                  meta={row.level}
                  selectProps={getSelectProps(row.level)}
                  placeholder={levelPlaceholder}
                  options={LEVELS.map((v) => ({ value: v, label: LEVEL_LABELS[v] }))}
                />
              </div>
              {rows.length > 1 ? (
                <Button variant="ghost" {...form.remove.getButtonProps({ name: meta.name, index })} aria-label={`Remove language ${index + 1}`}>
                  Remove
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <FieldError meta={meta} />
      <Button variant="secondary" className={addClassName} {...form.insert.getButtonProps({ name: meta.name, defaultValue: newRow })}>
        Add a language
      </Button>
    </>
  );
}
