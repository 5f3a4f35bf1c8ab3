import { useId, useRef, useState } from 'react';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '../scenarios/styles';

interface Props {
  /** "Metrics (CSV)": the heading and the text area's name. */
  readonly title: string;
  /** Short word for the buttons: "Copy CSV", "Download CSV". */
  readonly what: string;
  readonly text: string;
  readonly fileName: string;
  readonly onDownload: () => void;
  readonly testId: string;
  /** Why nothing can be exported now (an invalid topic name); disables the buttons. */
  readonly problem?: string;
  readonly rows?: number;
}

/** One export: read-only text to select or copy, and a download. */
export function ExportBlock({ title, what, text, fileName, onDownload, testId, problem, rows = 8 }: Props) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied.');
    } catch {
      area.current?.select();
      setStatus('Copying was blocked by the browser: the text is selected, press Ctrl+C (⌘C).');
    }
  };
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`${id}-title`} className="text-sm font-semibold">
          {title}
        </h3>
        <div className="flex gap-2">
          <button type="button" onClick={copy} disabled={!!problem} className={SECONDARY_BUTTON}>
            Copy {what}
          </button>
          <button type="button" onClick={onDownload} disabled={!!problem} className={PRIMARY_BUTTON} title={problem ? undefined : fileName}>
            Download {what}
          </button>
        </div>
      </div>
      <textarea
        ref={area}
        readOnly
        rows={rows}
        aria-labelledby={`${id}-title`}
        data-testid={testId}
        value={problem ? `# ${problem}` : text}
        spellCheck={false}
        wrap="off"
        onFocus={(event) => event.target.select()}
        className="w-full rounded border border-slate-300 bg-slate-50 p-2 font-mono text-xs dark:border-slate-600 dark:bg-slate-950"
      />
      <p role="status" className="min-h-4 text-xs text-slate-600 dark:text-slate-300">
        {status}
      </p>
    </div>
  );
}
