import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/client.ts';
import i18next from './i18n/index.ts';
import { App } from './App.tsx';
import { StatusProvider } from './components/Status.tsx';
import './styles/app.css';

function render(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <StatusProvider>
        <App />
      </StatusProvider>
    </StrictMode>,
  );
}

// The backend writes its texts in the window's language: tell it before the first page asks for any.
api.workbook
  .setLanguage({ language: i18next.language === 'en' ? 'en' : 'nl' })
  .catch(() => undefined)
  .finally(render);
