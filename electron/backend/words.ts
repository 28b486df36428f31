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

/** Texts in the language of the current call. */
export function backendWords(): Words {
  return WORDS[backendLanguage()];
}

/** Shorthand for backendWords().t. */
export function tr(key: string, params?: Record<string, unknown>): string {
  return backendWords().t(key, params);
}
