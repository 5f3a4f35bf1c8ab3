import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startUrlSync } from './state/url-sync';
import './index.css';

// The link is read before the first render, so the first paint already shows its plan.
startUrlSync();

const root = document.getElementById('root');
if (root) {
  // A transition: React renders the first screen in slices of a few milliseconds instead of one
  // long task, so the page answers input while it is being built (docs/benchmarks.md, TBT).
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
