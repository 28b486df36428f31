import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './api/client.ts';
import './i18n/index.ts';
import { App } from './App.tsx';
import { StatusProvider } from './components/Status.tsx';
import './styles/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StatusProvider>
      <App />
    </StatusProvider>
  </StrictMode>,
);
