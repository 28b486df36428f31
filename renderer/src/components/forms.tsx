import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type FormHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { ApiError } from '../../../shared/api/errors.ts';
import { DateInput } from './DateField.tsx';
import { FormProblem } from './form-values.ts';
import { errorMessage } from './useApi.ts';

/**
 * The building blocks of the app's forms: a form in one of two layouts, labelled fields whose hint and
 * error are tied to the control (aria-describedby, aria-invalid), the error line and the action that
 * fills it. Values stay text as typed; form-values.ts turns them into dates, numbers and cents.
 */

/**
 * "stacked": a label above each control (div.field), for forms of several rows.
 * "inline": the label wraps its control and the fields flow in one wrapping row.
 */
export type FieldLayout = 'stacked' | 'inline';

const LayoutContext = createContext<FieldLayout>('inline');

/** Lets fields outside a <Form> (a filter bar, a fieldset) take a layout. */
export const FieldLayoutProvider = LayoutContext.Provider;

/** The labels of the fields the form's last error names: those fields are marked invalid. */
const InvalidContext = createContext<readonly string[]>([]);

type FormProps = Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & {
  layout: FieldLayout;
  /** Runs on submit; the browser's own submit (a page load) is always prevented. */
  onSubmit(): unknown;
  /** The form's action (useFormAction): a field its error names is marked and gets the focus. */
  submitAction?: FormAction;
};

export function Form({ layout, onSubmit, submitAction, className, children, ...rest }: FormProps) {
  const base = layout === 'stacked' ? 'stacked-form' : 'inline-form';
  const ref = useRef<HTMLFormElement>(null);
  const invalid = submitAction?.invalid ?? NONE;
  useEffect(() => {
    if (invalid.length > 0) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [invalid]);
  return (
    <form
      {...rest}
      ref={ref}
      className={className ? `${base} ${className}` : base}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      <LayoutContext.Provider value={layout}>
        <InvalidContext.Provider value={invalid}>{children}</InvalidContext.Provider>
      </LayoutContext.Provider>
    </form>
  );
}

const NONE: readonly string[] = [];

/** The form's error line, read out as soon as it appears. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="form-error">
      {message}
    </p>
  );
}

/** The submit button (and any others, such as undo) of a stacked form, in one row. */
export function FormActions({ submitLabel, children }: { submitLabel: ReactNode; children?: ReactNode }) {
  return (
    <div className="button-row">
      <button type="submit" className="primary">
        {submitLabel}
      </button>
      {children}
    </div>
  );
}

export interface FormAction {
  error: string | null;
  /** Labels of the fields the error names (a field check, or the backend's invalid fields). */
  invalid: readonly string[];
  setError(message: string | null, invalidLabels?: readonly string[]): void;
  /**
   * Clears the error line, runs the action and shows why it failed: a field's check (valid()), the
   * backend's Dutch message, or anything else thrown. Gives the action's result, or undefined.
   */
  run<T>(action: () => Promise<T> | T): Promise<T | undefined>;
}

/** The error line of a form and the runner of its submit. */
export function useFormAction(): FormAction {
  const [state, setState] = useState<{ error: string | null; invalid: readonly string[] }>({ error: null, invalid: NONE });
  const setError = useCallback((message: string | null, invalidLabels: readonly string[] = NONE) => setState({ error: message, invalid: message ? invalidLabels : NONE }), []);
  const run = useCallback(
    async <T,>(action: () => Promise<T> | T): Promise<T | undefined> => {
      setError(null);
      try {
        return await action();
      } catch (e) {
        setError(errorMessage(e), invalidLabelsOf(e));
        return undefined;
      }
    },
    [setError],
  );
  return { error: state.error, invalid: state.invalid, setError, run };
}

/** The fields an error names: a form check's label, or the labels of the backend's invalid input (details.fields). */
export function invalidLabelsOf(error: unknown): readonly string[] {
  if (error instanceof FormProblem) return error.label ? [error.label] : NONE;
  if (error instanceof ApiError && error.code === 'invalid_input') {
    const fields = (error.details as { fields?: Array<{ label?: unknown }> } | undefined)?.fields;
    if (Array.isArray(fields)) return fields.map((f) => f.label).filter((l): l is string => typeof l === 'string');
  }
  return NONE;
}

interface FieldFrame {
  label: ReactNode;
  id?: string;
  /** Shown with the field and read out with the control. */
  hint?: ReactNode;
  /** This field's own error: marks the control invalid and is read out with it. */
  error?: string | null;
  /** The class of the field's wrapper (for instance "grow"). */
  className?: string;
  /** Overrides the layout of the surrounding form. */
  layout?: FieldLayout;
}

interface ControlWiring {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** The label, hint and error around one control, and the attributes that tie them to it. */
function Field({ frame, describedBy, control }: { frame: FieldFrame; describedBy?: string; control(wiring: ControlWiring): ReactNode }) {
  const generated = useId();
  const contextLayout = useContext(LayoutContext);
  const layout = frame.layout ?? contextLayout;
  const id = frame.id ?? generated;
  const hintId = frame.hint ? `${id}-hint` : undefined;
  const errorId = frame.error ? `${id}-error` : undefined;
  const described = [describedBy, hintId, errorId].filter(Boolean).join(' ');
  // The form's error line names this field (by its label): mark it too.
  const named = useContext(InvalidContext).includes(typeof frame.label === 'string' ? frame.label.trim() : '');
  const wiring: ControlWiring = { id, ...(described ? { 'aria-describedby': described } : {}), ...(frame.error || named ? { 'aria-invalid': true } : {}) };
  const after = (
    <>
      {frame.hint && (
        <p id={hintId} className="hint">
          {frame.hint}
        </p>
      )}
      {frame.error && (
        <p role="alert" id={errorId} className="form-error inline-error">
          {frame.error}
        </p>
      )}
    </>
  );
  if (layout === 'stacked') {
    return (
      <div className={frame.className ? `field ${frame.className}` : 'field'}>
        <label htmlFor={id}>{frame.label}</label>
        {control(wiring)}
        {after}
      </div>
    );
  }
  return (
    <>
      <label htmlFor={id} className={frame.className}>
        {frame.label}
        {control(wiring)}
      </label>
      {after}
    </>
  );
}

type TextInputProps = FieldFrame &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id' | 'className'> & {
    value: string;
    onChange(value: string): void;
  };

function splitFrame<P extends FieldFrame & { 'aria-describedby'?: string }>(props: P) {
  const { label, id, hint, error, className, layout, 'aria-describedby': describedBy, ...control } = props;
  return { frame: { label, id, hint, error, className, layout }, describedBy, control };
}

export function TextField(props: TextInputProps) {
  const { frame, describedBy, control } = splitFrame(props);
  const { value, onChange, ...input } = control;
  return <Field frame={frame} describedBy={describedBy} control={(wiring) => <input {...input} {...wiring} value={value} onChange={(e) => onChange(e.target.value)} />} />;
}

/** An amount in euros as typed (1.234,56); read it with checkAmount. */
export function AmountField({ size = 12, ...props }: TextInputProps) {
  return <TextField inputMode="decimal" size={size} {...props} />;
}

/**
 * A date typed the Dutch way (dd-mm-jjjj), with our own calendar button beside it; read it with
 * checkDate. `calendarFallback` is the ISO day the calendar opens on while the box is empty.
 */
export function DateTextField(props: TextInputProps & { calendarFallback?: string }) {
  const { frame, describedBy, control } = splitFrame(props);
  const { value, onChange, calendarFallback, ...input } = control;
  const label = typeof frame.label === 'string' ? frame.label : '';
  return <Field frame={frame} describedBy={describedBy} control={(wiring) => <DateInput {...input} {...wiring} label={label} value={value} onChange={onChange} calendarFallback={calendarFallback} />} />;
}

type TextAreaProps = FieldFrame &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'id' | 'className'> & {
    value: string;
    onChange(value: string): void;
  };

export function TextAreaField(props: TextAreaProps) {
  const { frame, describedBy, control } = splitFrame(props);
  const { value, onChange, ...textarea } = control;
  return <Field frame={frame} describedBy={describedBy} control={(wiring) => <textarea {...textarea} {...wiring} value={value} onChange={(e) => onChange(e.target.value)} />} />;
}

export interface Choice<T extends string = string> {
  value: T;
  label: ReactNode;
}

/** Choices from a list of values, each with its text: choices(LEVELS, (l) => t(`levels.${l}`)). */
export function choices<T extends string>(values: readonly T[], labelOf: (value: T) => ReactNode = (value) => value): Choice<T>[] {
  return values.map((value) => ({ value, label: labelOf(value) }));
}

type SelectProps<T extends string> = FieldFrame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'id' | 'className'> & {
    value: T;
    onChange(value: NoInfer<T>): void;
    options: ReadonlyArray<Choice<T>>;
    /** A first choice with the value "" (such as "all" or "none"). */
    emptyOption?: ReactNode;
  };

export function SelectField<T extends string>(props: SelectProps<T>) {
  const { frame, describedBy, control } = splitFrame(props);
  const { value, onChange, options, emptyOption, ...select } = control;
  return (
    <Field
      frame={frame}
      describedBy={describedBy}
      control={(wiring) => (
        <select {...select} {...wiring} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {emptyOption !== undefined && <option value="">{emptyOption}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A checkbox with its text after it. */
export function CheckboxField({ label, checked, onChange, className = 'checkbox', ...input }: Omit<InputHTMLAttributes<HTMLInputElement>, 'checked' | 'onChange' | 'type'> & { label: ReactNode; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label className={className}>
      <input {...input} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

/**
 * Ties fields to one state object: <TextField {...bind('title')} /> reads form.title and, on change,
 * stores a copy of the form with the new title.
 */
export function binder<F extends object>(form: F, setForm: (next: F) => void) {
  return <K extends keyof F>(key: K) => ({ value: form[key], onChange: (value: F[K]) => setForm({ ...form, [key]: value }) });
}

/** A page that could not load what it shows: the reason, and the way back. */
export function LoadFailure({ message, backHref, backLabel }: { message: string; backHref: string; backLabel: ReactNode }) {
  return (
    <div>
      <FormError message={message} />
      <a href={backHref}>{backLabel}</a>
    </div>
  );
}

/** A filter above a list: its label and select on one line, "all" (the value "") first. */
export function FilterSelect<T extends string>({ label, value, onChange, allLabel, options }: { label: string; value: T | ''; onChange(value: NoInfer<T> | ''): void; allLabel: ReactNode; options: ReadonlyArray<Choice<T>> }) {
  // The space keeps the label's text apart from the select, as in running text.
  return <SelectField<T | ''> layout="inline" className="inline-field" label={`${label} `} value={value} onChange={onChange} emptyOption={allLabel} options={options} />;
}
