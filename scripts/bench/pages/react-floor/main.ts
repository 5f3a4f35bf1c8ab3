// The size baseline of `npm run bench`: React 19 + react-dom rendering one element, built by
// the same Vite as the app (scripts/bench/run.mjs), so its gzip size is the framework's floor.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(createElement('p', null, 'React alone'));
