import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/style.css';
import { Session } from '../shared/Session';
import { Console } from './Console';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <h1>Call center console</h1>
    <Session>
      <Console />
    </Session>
  </StrictMode>,
);
