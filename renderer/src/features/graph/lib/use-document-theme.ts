// The console's theme (the `data-theme` of <html>), followed live: React Flow's own parts
// (controls, minimap, edge labels) take their colour mode from it.
import { useSyncExternalStore } from 'react';

const read = (): 'light' | 'dark' => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

export const useDocumentTheme = () => useSyncExternalStore(subscribe, read, () => 'light' as const);
