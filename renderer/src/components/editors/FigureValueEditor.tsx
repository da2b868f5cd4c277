import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { FigureValue } from '../../../../shared/model/figure';
import { FIGURE_QUALIFIERS, type FigureQualifier } from '../../../../shared/model/vocabulary';
import { QUALIFIER_LABELS } from './format-figure';
import { formatAmount, parseAmount } from './parse-amount';
import './editors.css';

/** Offered in the currency field; any other ISO 4217 code can be typed. */
export const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CHF', 'CAD', 'AUD', 'INR', 'KRW'];
/** Offered in the unit field; any other unit can be typed. */
export const COMMON_UNITS = ['users', 'people', 'jobs', 'employees', '%', 'years', 'months', 'downloads'];

export interface FigureValueEditorProps {
  /**
   * Values to start from: the annotation's value when editing one, or what a figure parser read in
   * the selected text ("$ 15-30 billion" → { min: 15e9, max: 30e9, currency: 'USD' }).
   */
  initial?: Partial<FigureValue>;
  onSave(value: FigureValue): void;
  onCancel?(): void;
  /** The save button's text. */
  saveLabel?: string;
  autoFocus?: boolean;
  busy?: boolean;
}

interface Fields {
  min: string;
  max: string;
  currency: string;
  unit: string;
  qualifier: FigureQualifier;
  measures: string;
}

type Errors = Partial<Record<'min' | 'max' | 'currency', string>>;

/**
 * A figure's normalised value: min and max (max defaults to min), a currency or a unit, a
 * qualifier, and what it measures. Amounts accept "15e9", "15,000,000", "15 billion", "15bn",
 * "2.5m". Enter saves; problems are shown beside the field at fault. Props in, callbacks out.
 */
export function FigureValueEditor({
  initial,
  onSave,
  onCancel,
  saveLabel = 'Save',
  autoFocus = false,
  busy = false,
}: FigureValueEditorProps) {
  const id = useId();
  const [fields, setFields] = useState<Fields>(() => fieldsFrom(initial));
  const [errors, setErrors] = useState<Errors>({});
  const [tried, setTried] = useState(false);
  const minInput = useRef<HTMLInputElement>(null);

  // A prefilled amount is selected, so typing replaces it and Enter accepts it.
  useEffect(() => {
    if (autoFocus) minInput.current?.select();
  }, [autoFocus]);

  const update = (changes: Partial<Fields>) => {
    const next = { ...fields, ...changes };
    setFields(next);
    // After a first failed save, problems clear (or show) as the researcher fixes them.
    if (tried) setErrors(validate(next).errors);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const { value, errors: found } = validate(fields);
    setTried(true);
    setErrors(found);
    if (value) onSave(value);
  };

  const min = parseAmount(fields.min);
  const max = parseAmount(fields.max);
  const reading = (value: number | undefined) => (value === undefined ? '' : `= ${value.toLocaleString()}`);

  return (
    <form
      className="figure-editor editor-form"
      aria-label="Figure value"
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && onCancel) {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <div className="editor-row">
        <Field id={`${id}-min`} label="Min" error={errors.min} reading={reading(min)}>
          {(described) => (
            <input
              {...described}
              {...AMOUNT_INPUT}
              ref={minInput}
              placeholder="15e9, 15 billion…"
              // biome-ignore lint/a11y/noAutofocus: the editor opens because the researcher asked for it.
              autoFocus={autoFocus}
              value={fields.min}
              onChange={(event) => update({ min: event.target.value })}
            />
          )}
        </Field>
        <Field id={`${id}-max`} label="Max" error={errors.max} reading={reading(max)}>
          {(described) => (
            <input
              {...described}
              {...AMOUNT_INPUT}
              placeholder="same as min"
              value={fields.max}
              onChange={(event) => update({ max: event.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="editor-row">
        <Field id={`${id}-currency`} label="Currency" error={errors.currency}>
          {(described) => (
            <input
              {...described}
              className="editor-input editor-input-code"
              type="text"
              list={`${id}-currencies`}
              autoComplete="off"
              spellCheck={false}
              maxLength={3}
              placeholder="USD"
              value={fields.currency}
              onChange={(event) => update({ currency: event.target.value.toUpperCase() })}
            />
          )}
        </Field>
        <Field id={`${id}-unit`} label="or unit">
          {(described) => (
            <input
              {...described}
              className="editor-input"
              type="text"
              list={`${id}-units`}
              autoComplete="off"
              maxLength={64}
              placeholder="users, jobs, %"
              value={fields.unit}
              onChange={(event) => update({ unit: event.target.value })}
            />
          )}
        </Field>
        <datalist id={`${id}-currencies`}>
          {COMMON_CURRENCIES.map((code) => (
            <option key={code} value={code} label={currencyName(code)} />
          ))}
        </datalist>
        <datalist id={`${id}-units`}>
          {COMMON_UNITS.map((unit) => (
            <option key={unit} value={unit} />
          ))}
        </datalist>
      </div>
      <Field id={`${id}-qualifier`} label="Qualifier">
        {(described) => (
          <select
            {...described}
            className="editor-input"
            value={fields.qualifier}
            onChange={(event) => update({ qualifier: event.target.value as FigureQualifier })}
          >
            {FIGURE_QUALIFIERS.map((qualifier) => (
              <option key={qualifier} value={qualifier}>
                {QUALIFIER_LABELS[qualifier]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-measures`} label="Measures">
        {(described) => (
          <input
            {...described}
            className="editor-input"
            type="text"
            autoComplete="off"
            maxLength={200}
            placeholder="what the number is about, e.g. valuation of TikTok's US arm"
            value={fields.measures}
            onChange={(event) => update({ measures: event.target.value })}
          />
        )}
      </Field>
      <div className="editor-actions">
        <button type="submit" className="editor-button editor-button-primary" disabled={busy}>
          {saveLabel}
        </button>
        {onCancel && (
          <button type="button" className="editor-button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

const AMOUNT_INPUT = {
  className: 'editor-input',
  type: 'text',
  inputMode: 'decimal',
  autoComplete: 'off',
} as const;

/** What a field's control needs to be labelled and described: its id, validity and descriptions. */
interface Described {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A labelled field with, below its control, how the amount was read and what is wrong with it. */
function Field({
  id,
  label,
  error,
  reading,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  reading?: string;
  children: (described: Described) => ReactNode;
}) {
  const descriptions = [reading !== undefined ? `${id}-read` : '', error ? `${id}-error` : ''].filter(
    Boolean,
  );
  return (
    <div className="editor-field">
      <label className="editor-label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': descriptions.join(' ') || undefined,
      })}
      {reading !== undefined && (
        <output id={`${id}-read`} className="editor-hint" htmlFor={id}>
          {reading}
        </output>
      )}
      {error && (
        <p id={`${id}-error`} className="editor-error">
          {error}
        </p>
      )}
    </div>
  );
}

function fieldsFrom(initial: Partial<FigureValue> | undefined): Fields {
  const min = initial?.min;
  const max = initial?.max;
  return {
    min: min === undefined ? '' : formatAmount(min),
    max: max === undefined || max === min ? '' : formatAmount(max),
    currency: initial?.currency ?? '',
    unit: initial?.unit ?? '',
    qualifier: initial?.qualifier ?? 'exactly',
    measures: initial?.measures ?? '',
  };
}

/** The value the fields describe, or what is wrong with them. */
function validate(fields: Fields): { value?: FigureValue; errors: Errors } {
  const errors: Errors = {};
  const min = parseAmount(fields.min);
  if (fields.min.trim() === '') errors.min = 'Enter the amount, e.g. 15e9 or 15 billion.';
  else if (min === undefined)
    errors.min = `“${fields.min.trim()}” is not a number; try 15e9, 15,000,000 or 15bn.`;
  const max = fields.max.trim() === '' ? min : parseAmount(fields.max);
  if (max === undefined && fields.max.trim() !== '')
    errors.max = `“${fields.max.trim()}” is not a number; try 30e9 or 30 billion.`;
  else if (min !== undefined && max !== undefined && min > max)
    errors.max = 'The maximum must not be less than the minimum.';
  const currency = fields.currency.trim().toUpperCase();
  if (currency !== '' && !/^[A-Z]{3}$/.test(currency))
    errors.currency = 'A currency is a three-letter ISO code such as USD, EUR or GBP.';
  if (Object.keys(errors).length > 0 || min === undefined || max === undefined) return { errors };
  const unit = fields.unit.trim();
  const measures = fields.measures.trim();
  return {
    errors,
    value: {
      min,
      max,
      qualifier: fields.qualifier,
      ...(currency ? { currency } : {}),
      ...(unit ? { unit } : {}),
      ...(measures ? { measures } : {}),
    },
  };
}

let currencyNames: Intl.DisplayNames | undefined;
function currencyName(code: string): string {
  try {
    currencyNames ??= new Intl.DisplayNames(undefined, { type: 'currency' });
    return currencyNames.of(code) ?? code;
  } catch {
    return code;
  }
}
