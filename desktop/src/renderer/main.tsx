import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { ApiProvider } from './api/api-context';
import { connectApi } from './api/connect-api';
import { I18nProvider } from './i18n/i18n-context';
import './styles/fonts.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/bills.css';
import './styles/goods.css';
import './styles/flows.css';
import './styles/khata.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <ApiProvider api={connectApi()}>
      <I18nProvider>
        <App />
      </I18nProvider>
    </ApiProvider>
  </StrictMode>,
);
