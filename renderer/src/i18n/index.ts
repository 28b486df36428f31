import i18next from 'i18next';
import { api } from '../api/client.ts';
import { initReactI18next } from 'react-i18next';
import { en } from '../../../shared/i18n/en.ts';
import { nl } from '../../../shared/i18n/nl.ts';

const stored = localStorage.getItem('werkboek.language');

void i18next.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: stored === 'en' ? 'en' : 'nl',
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the UI and the backend's texts (signals, messages, report and XLSX texts) together. */
export async function setLanguage(language: 'nl' | 'en'): Promise<void> {
  localStorage.setItem('werkboek.language', language);
  await api.workbook.setLanguage({ language }).catch(() => undefined);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

document.documentElement.lang = i18next.language;

export default i18next;
