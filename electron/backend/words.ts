import { AsyncLocalStorage } from 'node:async_hooks';
import { en } from '../../shared/i18n/en.ts';
import { nl } from '../../shared/i18n/nl.ts';
import { wordsFrom, type Words } from '../../shared/i18n/translate.ts';

/**
 * The language of what the backend writes for people (messages, signals, section titles, the readable
 * XLSX and PDF files): the language of the window that asked, from the same shared/i18n catalogue the
 * UI uses. The router runs every call inside `withLanguage(session.language, …)`, so code deep in a
 * service asks `backendWords()` instead of passing the language along. Outside a call (a test calling
 * a service directly) it is Dutch, the first language.
 */
export type Language = 'nl' | 'en';

const WORDS: Record<Language, Words> = { nl: wordsFrom(nl), en: wordsFrom(en) };
const current = new AsyncLocalStorage<Language>();

export function withLanguage<T>(language: Language, work: () => T): T {
  return current.run(language, work);
}

export function backendLanguage(): Language {
  return current.getStore() ?? 'nl';
}

/** Texts in one language, whatever the call's (records that stay Dutch, such as a package's XLSX). */
export function wordsOf(language: Language): Words {
  return WORDS[language];
}

/** Texts in the language of the current call. */
export function backendWords(): Words {
  return WORDS[backendLanguage()];
}

/** Shorthand for backendWords().t. */
export function tr(key: string, params?: Record<string, unknown>): string {
  return backendWords().t(key, params);
}

/** The catalogue's text for `key` in the current language, or `fallback` (a domain label) when it has none. */
export function wordOr(key: string, fallback: string): string {
  const words = backendWords();
  return words.has(key) ? words.t(key) : fallback;
}

/** A period code in words of the current language: "2e kwartaal 2027" / "Q2 2027", "juni 2027" / "June 2027", "2027". */
export function periodWords(code: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(code);
  if (quarter) return tr('periodWords.quarter', { n: quarter[2], year: quarter[1] });
  const month = /^(\d{4})-(\d{2})$/.exec(code);
  if (month) return `${tr(`periodWords.months.${month[2]}`)} ${month[1]}`;
  return code;
}
