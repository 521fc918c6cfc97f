import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/style.css';
import { Session } from '../shared/Session';
import { Dashboard } from './Dashboard';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <h1>ROPO dashboard</h1>
    <Session>
      <Dashboard />
    </Session>
  </StrictMode>,
);
