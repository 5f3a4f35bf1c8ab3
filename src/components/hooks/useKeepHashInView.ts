import { useEffect } from 'react';

/**
 * Set once the person scrolls, types or taps: from then on the page is theirs to move — until
 * they follow a link to a section (the fragment changes): that section is where they asked to be,
 * even if it has not arrived yet.
 */
let personMoved = false;
if (typeof window !== 'undefined') {
  const moved = () => {
    personMoved = true;
  };
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown']) window.addEventListener(type, moved, { passive: true });
  window.addEventListener('hashchange', () => {
    personMoved = false;
  });
}

/**
 * A link to a section (#exports) is scrolled to as the page opens, but the lazy sections (charts,
 * simulation) arrive later and push it away. Each calls this as it mounts (or, with `ready`, once it
 * has all arrived): the linked section is brought back into view, unless the person has moved the
 * page meanwhile.
 */
export function useKeepHashInView(ready = true): void {
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!ready || !id || personMoved) return;
    document.getElementById(id)?.scrollIntoView();
  }, [ready]);
}
