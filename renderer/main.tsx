import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createDeskClient, getBridge } from './deskClient.ts';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);

try {
  const client = createDeskClient(getBridge());
  root.render(
    <StrictMode>
      <App client={client} />
    </StrictMode>,
  );
} catch (error) {
  root.render(
    <div className="welcome" role="alert">
      <h1>DF Desk cannot start</h1>
      <p>{error instanceof Error ? error.message : 'The bridge to the main process is missing.'}</p>
    </div>,
  );
}
