import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { ApiProvider } from './api/api-context';
import { connectApi } from './api/connect-api';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <ApiProvider api={connectApi()}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
