import { useEffect, useId, useRef, useState, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../shared/format/nl.ts';
import { addMonths, calendarStart, keyTarget, localTodayIso, monthGrid, readTypedDate, typedText } from './calendar.ts';

/**
 * The one date control of the app: a text box for dd-mm-jjjj and a button that opens our own
 * calendar (Dutch month and day names, Monday first, the keys of the WAI-ARIA date picker dialog).
 * Never the browser's own date picker: that follows the browser's language, not the app's.
 */

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

export interface DateInputProps extends InputProps {
  id: string;
  /** The field's label, for the calendar button's and dialog's names. */
  label: string;
  /** The text as typed (dd-mm-jjjj). */
  value: string;
  onChange(text: string): void;
  /** The day the calendar opens on when the box holds no date (default: today). */
  calendarFallback?: string;
}

/** A text box for a date plus its calendar button; the caller keeps the text and reads it (checkDate). */
export function DateInput({ id, label, value, onChange, calendarFallback, disabled, readOnly, ...input }: DateInputProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <span className="date-input">
      <input {...input} id={id} placeholder={t('calendar.format')} size={11} value={value} disabled={disabled} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} />
      <button
        ref={buttonRef}
        type="button"
        className="calendar-button"
        aria-label={t('calendar.open')}
        aria-describedby={`${id}-calendar-for`}
        aria-haspopup="dialog"
        aria-expanded={open}
        disabled={disabled || readOnly}
        onClick={() => setOpen((o) => !o)}
      >
        <CalendarIcon />
      </button>
      {/* Which field the button belongs to, for screen readers (its name stays short so it never matches a field's label). */}
      <span id={`${id}-calendar-for`} className="visually-hidden">
        {label}
      </span>
      {open && (
        <CalendarDialog
          label={label}
          start={calendarStart(value, calendarFallback ?? localTodayIso())}
          selected={readTypedDate(value).kind === 'date' ? calendarStart(value, '') : null}
          onPick={(iso) => {
            onChange(typedText(iso));
            setOpen(false);
            buttonRef.current?.focus();
          }}
          onClose={() => {
            setOpen(false);
            buttonRef.current?.focus();
          }}
        />
      )}
    </span>
  );
}

function CalendarIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16">
      <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
      <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" />
      <path d="M4 8.5h2v2H4zM7 8.5h2v2H7zM10 8.5h2v2h-2zM4 11.5h2v2H4zM7 11.5h2v2H7z" fill="currentColor" />
    </svg>
  );
}

function CalendarDialog({ label, start, selected, onPick, onClose }: { label: string; start: string; selected: string | null; onPick(iso: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const [focused, setFocused] = useState(start);
  const dialogRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const months = t('calendar.months', { returnObjects: true }) as string[];
  const weekdays = t('calendar.weekdays', { returnObjects: true }) as string[];
  const weekdaysShort = t('calendar.weekdaysShort', { returnObjects: true }) as string[];
  const year = Number(focused.slice(0, 4));
  const month = Number(focused.slice(5, 7));
  const today = localTodayIso();

  // The focused day takes the keyboard focus whenever it changes (arrows, month buttons, opening).
  const [moveFocus, setMoveFocus] = useState(true);
  useEffect(() => {
    if (!moveFocus) return;
    gridRef.current?.querySelector<HTMLElement>(`[data-date="${focused}"]`)?.focus();
  }, [focused, moveFocus]);

  useEffect(() => {
    const onPointer = (event: MouseEvent) => {
      if (dialogRef.current && !dialogRef.current.parentElement?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [onClose]);

  const go = (iso: string, focusDay: boolean) => {
    setMoveFocus(focusDay);
    setFocused(iso);
  };

  const onGridKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onPick(focused);
      return;
    }
    const target = keyTarget(focused, event.key, event.shiftKey);
    if (target) {
      event.preventDefault();
      go(target, true);
    }
  };

  const onDialogKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    // Tab stays inside the dialog (it is modal for the keyboard).
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>('button:not([disabled]), [tabindex="0"]')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- the dialog handles Escape and Tab for its content
    <div ref={dialogRef} className="calendar-dialog" role="dialog" aria-modal="true" aria-label={t('calendar.dialog', { label })} onKeyDown={onDialogKey}>
      <div className="calendar-header">
        <button type="button" aria-label={t('calendar.previousYear')} onClick={() => go(addMonths(focused, -12), false)}>
          «
        </button>
        <button type="button" aria-label={t('calendar.previousMonth')} onClick={() => go(addMonths(focused, -1), false)}>
          ‹
        </button>
        <p id={titleId} className="calendar-title" aria-live="polite">
          {months[month - 1]} {year}
        </p>
        <button type="button" aria-label={t('calendar.nextMonth')} onClick={() => go(addMonths(focused, 1), false)}>
          ›
        </button>
        <button type="button" aria-label={t('calendar.nextYear')} onClick={() => go(addMonths(focused, 12), false)}>
          »
        </button>
      </div>
      <table ref={gridRef} role="grid" aria-labelledby={titleId} className="calendar-grid" onKeyDown={onGridKey}>
        <thead>
          <tr>
            {weekdaysShort.map((day, i) => (
              <th key={day} scope="col" abbr={weekdays[i]}>
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(year, month).map((week) => (
            <tr key={week.find(Boolean)}>
              {week.map((day, i) =>
                day ? (
                  <td
                    key={day}
                    data-date={day}
                    tabIndex={day === focused ? 0 : -1}
                    aria-selected={day === selected}
                    aria-current={day === today ? 'date' : undefined}
                    aria-label={`${weekdays[i]} ${Number(day.slice(8))} ${months[month - 1]} ${year}`}
                    className={[day === selected ? 'selected' : '', day === today ? 'today' : ''].filter(Boolean).join(' ') || undefined}
                    onClick={() => onPick(day)}
                  >
                    {Number(day.slice(8))}
                  </td>
                ) : (
                  <td key={`empty-${i}`} aria-hidden="true" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="calendar-keys hint">{t('calendar.keys')}</p>
      <div className="calendar-footer">
        <button type="button" onClick={() => onPick(today)}>
          {t('calendar.today')} ({formatDate(today)})
        </button>
        <button type="button" onClick={onClose}>
          {t('calendar.close')}
        </button>
      </div>
    </div>
  );
}

/**
 * A date that applies as soon as it is valid (a peildatum): the page gets the ISO date while the user
 * types or picks; an invalid text is announced when the field is left or Enter is pressed.
 */
export function DateField({ label, value, onChange, id }: { label: string; value: string; onChange(iso: string): void; id?: string }) {
  const { t } = useTranslation();
  const generated = useId();
  const inputId = id ?? generated;
  const [text, setText] = useState(formatDate(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(formatDate(value)), [value]);
  const check = (current: string) => {
    const typed = readTypedDate(current);
    setError(typed.kind === 'date' ? null : t('calendar.invalid', { label, reason: typed.kind === 'empty' ? 'datum ontbreekt' : typed.reason }));
  };
  return (
    <span className="date-field">
      <label htmlFor={inputId}>{label}</label>
      <DateInput
        id={inputId}
        label={label}
        value={text}
        calendarFallback={value || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        onChange={(next) => {
          setText(next);
          const typed = readTypedDate(next);
          if (typed.kind === 'date') {
            setError(null);
            if (typed.iso !== value) onChange(typed.iso);
          }
        }}
        onBlur={() => check(text)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') check(text);
        }}
      />
      {error && (
        <span role="alert" id={`${inputId}-error`} className="form-error inline-error">
          {error} {t('staff.dateHint')}
        </span>
      )}
    </span>
  );
}
