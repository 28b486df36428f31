import i18next from 'i18next';
import { createElement as h } from 'react';
import { initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { checkAmount, checkDate, checkInteger, checkNumber, FormProblem, valid } from '../../../renderer/src/components/form-values.ts';
import { AmountField, binder, choices, DateTextField, Form, FormError, SelectField, TextField } from '../../../renderer/src/components/forms.tsx';
import { nl } from '../../../shared/i18n/nl.ts';

const noop = () => undefined;

await i18next.use(initReactI18next).init({ resources: { nl: { translation: nl } }, lng: 'nl', interpolation: { escapeValue: false } });

describe('form fields', () => {
  it('in a stacked form, puts the label above the control and ties hint and error to it', () => {
    const html = renderToStaticMarkup(
      h(Form, { layout: 'stacked', onSubmit: noop }, h(TextField, { id: 'x', label: 'Titel', value: 'a', onChange: noop, hint: 'Kort', error: 'Titel ontbreekt' })),
    );
    expect(html).toBe(
      '<form class="stacked-form"><div class="field"><label for="x">Titel</label>' +
        '<input id="x" aria-describedby="x-hint x-error" aria-invalid="true" value="a"/>' +
        '<p id="x-hint" class="hint">Kort</p><p role="alert" id="x-error" class="form-error inline-error">Titel ontbreekt</p></div></form>',
    );
  });

  it('in an inline form, wraps the control in its label and keeps a describedby given by the page', () => {
    const html = renderToStaticMarkup(h(Form, { layout: 'inline', onSubmit: noop }, h(TextField, { id: 'k', label: 'Sleutel', value: '', onChange: noop, 'aria-describedby': 'k-uitleg', className: 'grow' })));
    expect(html).toBe('<form class="inline-form"><label for="k" class="grow">Sleutel<input id="k" aria-describedby="k-uitleg" value=""/></label></form>');
  });

  it('gives amount and date fields their Dutch input hints', () => {
    expect(renderToStaticMarkup(h(AmountField, { id: 'a', label: 'Bedrag', value: '', onChange: noop }))).toContain('<input inputMode="decimal" size="12" id="a" value=""/>');
    const date = renderToStaticMarkup(h(DateTextField, { id: 'd', label: 'Datum', value: '', onChange: noop }));
    expect(date).toContain('<input id="d" placeholder="dd-mm-jjjj" size="11" value=""/>');
    // Our own calendar beside it, never the browser's date picker (which follows the browser's language).
    expect(date).toContain('<button type="button" class="calendar-button" aria-label="Kalender openen" aria-describedby="d-calendar-for" aria-haspopup="dialog" aria-expanded="false">');
    expect(date).toContain('<span id="d-calendar-for" class="visually-hidden">Datum</span>');
    expect(date).not.toContain('type="date"');
  });

  it('lists the choices of a select after an optional empty choice', () => {
    const html = renderToStaticMarkup(
      h(SelectField<'laag' | 'hoog'>, { id: 's', label: 'Impact', value: 'hoog', onChange: noop, emptyOption: 'Alle', options: choices(['laag', 'hoog'] as const, (l) => l.toUpperCase()) }),
    );
    expect(html).toContain('<select id="s"><option value="">Alle</option><option value="laag">LAAG</option><option value="hoog" selected="">HOOG</option></select>');
  });

  it('shows an error line only when there is a message', () => {
    expect(renderToStaticMarkup(h(FormError, { message: null }))).toBe('');
    expect(renderToStaticMarkup(h(FormError, { message: 'Mis' }))).toBe('<p role="alert" class="form-error">Mis</p>');
  });

  it('binds a field to one key of the form state', () => {
    let stored: { title: string; owner: string } | undefined;
    const bind = binder({ title: 'oud', owner: 'Jan' }, (next) => (stored = next));
    expect(bind('title').value).toBe('oud');
    bind('title').onChange('nieuw');
    expect(stored).toEqual({ title: 'nieuw', owner: 'Jan' });
  });
});

describe('form values', () => {
  it('reads Dutch dates and amounts, with the label in the reason', () => {
    expect(checkDate('Begindatum', '31-12-2026')).toEqual({ ok: true, value: '2026-12-31' });
    expect(checkDate('Begindatum', ' ')).toEqual({ ok: false, label: 'Begindatum', reason: 'Begindatum: datum ontbreekt' });
    expect(checkDate('Einddatum', '', false)).toEqual({ ok: true, value: null });
    expect(checkAmount('Plafond', '€ 1.234,56')).toEqual({ ok: true, value: 123456 });
    expect(checkAmount('Plafond', '')).toEqual({ ok: false, label: 'Plafond', reason: 'Plafond: bedrag ontbreekt' });
    expect(checkAmount('Uurtarief', '', false)).toEqual({ ok: true, value: null });
    expect(checkNumber('Uren', '20,5')).toEqual({ ok: true, value: 20.5 });
    expect(checkInteger('Schaal', '1a')).toEqual({ ok: false, label: 'Schaal', reason: 'Schaal: "1a" is geen geheel getal' });
  });

  it('stops a form action with the reason of a failed check', () => {
    expect(valid(checkNumber('Uren', '36'))).toBe(36);
    expect(() => valid(checkNumber('Uren', 'x'))).toThrow(FormProblem);
    expect(() => valid(checkNumber('Uren', ''))).toThrow('Uren ontbreekt');
    // The problem carries the field's label, so the form marks that field.
    expect(() => valid(checkNumber('Uren', ''))).toThrow(expect.objectContaining({ label: 'Uren' }));
  });
});
