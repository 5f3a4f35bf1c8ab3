import { useState } from 'react';
import { usePlannerStore } from '../state/planner-store';
import { shareableUrl } from '../state/url-sync';

/**
 * Copies the link of the current plan and simulation run, built from the stores at the click
 * (so it never lags the URL sync, and nothing is rebuilt while a slider moves).
 */
export function CopyLinkButton() {
  const [status, setStatus] = useState('');
  const [url, setUrl] = useState('');

  const copy = async () => {
    const link = shareableUrl(usePlannerStore.getState().plan);
    setUrl(link);
    try {
      await navigator.clipboard.writeText(link);
      setStatus('Link copied.');
    } catch {
      setStatus('Copying was blocked by the browser: select the link below and copy it.');
    }
  };

  return (
    <div className="flex flex-col items-end gap-1">
      <button type="button" onClick={copy} className="whitespace-nowrap rounded bg-teal-700 px-4 py-2 font-medium text-white hover:bg-teal-800">
        Copy link
      </button>
      <p role="status" className="text-xs text-slate-600 dark:text-slate-300">
        {status}
      </p>
      {status.startsWith('Copying was blocked') && (
        <input readOnly value={url} aria-label="Link to this plan" className="w-80 rounded border px-2 py-1 text-xs" onFocus={(e) => e.target.select()} />
      )}
    </div>
  );
}
