import { memo, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { readValue } from '../config/read-value';
import type { ParamSpec } from '../config/schema';
import { fineWindow, SLIDER_STEPS, valueForMove, valueToPosition } from '../config/slider-scale';
import { formatNumber, unitFor } from '../lib/format';
import { readQuantity } from '../lib/quantity-text';
import { usePlannerStore } from '../state/planner-store';
import { useSliderModeStore } from '../state/slider-mode-store';
import { flushSliderWrites, queuedValue, writeOncePerFrame } from './slider-writes';

/**
 * One input: a slider (log where the range spans decades) plus an exact-number field. Memoised:
 * its spec never changes and it reads its own value from the store, so a slider step re-renders
 * only the control it moves (React re-writes every input it re-renders, name and type included).
 */
export const ParamControl = memo(function ParamControl({ spec }: { spec: ParamSpec }) {
  const value = usePlannerStore((state) => state.config[spec.field]);
  const setValue = usePlannerStore((state) => state.setValue);
  const [draft, setDraft] = useState<string | null>(null);
  const [fieldNote, setFieldNote] = useState('');
  const fine = useSliderModeStore((state) => state.fine);
  // A fine slider's window stays where the drag began, or it would run after the pointer.
  const [anchor, setAnchor] = useState<number | null>(null);
  const id = useId();
  const sliderRef = useRef<HTMLInputElement>(null);
  const position = valueToPosition(spec, value);
  const range = sliderRange(fine, anchor ?? position);
  // The slider is uncontrolled: the browser moves its thumb at once, the plan follows once a
  // frame (slider-writes.ts). Here the thumb is put where the plan is when the plan moved on its
  // own (a typed value, a preset, Apply) or the fine window moved, unless a move is still queued.
  useLayoutEffect(() => {
    const slider = sliderRef.current;
    if (slider && queuedValue(spec.field) === undefined && Number(slider.value) !== position) slider.value = String(position);
  }, [spec.field, position, range.min, range.max]);
  const valueText = `${formatNumber(value, 3)} ${unitFor(value, spec.unit)}`;

  const commitDraft = () => {
    if (draft === null) return;
    setDraft(null);
    // Typed as people write it ("200k", "2 KiB", "7d"), then held to the field's range. A value
    // that cannot be read keeps the current one rather than jumping to a default.
    const typed = readQuantity(draft, spec.unit);
    if ('error' in typed || typed.value < 0) {
      setFieldNote(`${'error' in typed ? typed.error : `“${draft.trim()}” is negative`}; kept ${valueText}.`);
      return;
    }
    flushSliderWrites();
    const read = readValue(spec, String(typed.value));
    const adjusted = read.reason ? `${read.reason.split(';')[0]}: ${formatNumber(read.value, 3)} ${spec.unit} used` : '';
    setFieldNote([typed.reading, adjusted].filter(Boolean).join('; ') + (typed.reading || adjusted ? '.' : ''));
    setValue(spec.field, read.value);
  };
  const onFieldKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commitDraft();
    if (event.key === 'Escape') setDraft(null);
  };

  if (spec.choices) {
    return (
      <div className="space-y-1">
        <label htmlFor={`${id}-choice`} className="block font-medium">
          {spec.label}
        </label>
        <select
          id={`${id}-choice`}
          value={value}
          onChange={(event) => setValue(spec.field, Number(event.target.value))}
          aria-describedby={`${id}-range`}
          className="w-full rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
        >
          {spec.choices.map((label, i) => (
            <option key={label} value={spec.min + i}>
              {label}
            </option>
          ))}
        </select>
        <p id={`${id}-range`} className="text-xs text-slate-500 dark:text-slate-400">
          {spec.description}.
        </p>
      </div>
    );
  }

  if (spec.toggle) {
    return (
      <div className="space-y-1">
        <label className="flex items-center gap-2 font-medium">
          <input type="checkbox" checked={value >= 1} onChange={(event) => setValue(spec.field, event.target.checked ? 1 : 0)} className="h-6 w-6 accent-teal-600" />
          {spec.label}
        </label>
        <p className="text-xs text-slate-500 dark:text-slate-400">{spec.description}.</p>
      </div>
    );
  }

  // From lg up, one row a control (label, slider, exact field, unit) so the whole plan fits beside
  // the answers; the description stays the slider's accessible description, off screen.
  return (
    <div className="space-y-1 lg:grid lg:grid-cols-[8.5rem_minmax(0,1fr)_5.5rem_4.5rem] lg:items-center lg:gap-x-2 lg:space-y-0">
      <div className="flex items-baseline justify-between gap-2 lg:block lg:min-w-0">
        <label htmlFor={`${id}-slider`} className="font-medium lg:block lg:truncate lg:text-sm" title={spec.label}>
          {spec.label}
        </label>
        <span className="text-sm tabular-nums text-slate-600 lg:hidden dark:text-slate-300">{valueText}</span>
      </div>
      <div className="flex items-center gap-2 lg:contents">
        <input
          id={`${id}-slider`}
          type="range"
          ref={sliderRef}
          min={range.min}
          max={range.max}
          step={1}
          defaultValue={position}
          onPointerDown={() => fine && setAnchor(position)}
          onPointerUp={() => setAnchor(null)}
          onBlur={() => setAnchor(null)}
          aria-valuetext={valueText}
          aria-describedby={`${id}-range`}
          onChange={(event) => writeOncePerFrame(spec.field, valueForMove(spec, queuedValue(spec.field) ?? value, Number(event.target.value)))}
          className="min-w-0 flex-1"
        />
        <input
          type="text"
          inputMode="decimal"
          aria-label={`${spec.label}, exact value in ${spec.unit}`}
          value={draft ?? String(value)}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commitDraft}
          onKeyDown={onFieldKey}
          className="w-28 rounded border border-slate-300 bg-white px-2 py-1 text-right tabular-nums lg:w-full lg:py-0.5 lg:text-sm dark:border-slate-600 dark:bg-slate-800"
        />
        {/* Below lg the value and its unit are written above the slider: the slider gets the room. */}
        <span className="hidden text-sm text-slate-600 lg:inline lg:truncate lg:text-xs dark:text-slate-300">{spec.unit}</span>
      </div>
      <p id={`${id}-range`} className="text-xs text-slate-500 md:sr-only dark:text-slate-400">
        {spec.description}. {formatNumber(spec.min, 3)} – {formatNumber(spec.max, 0)} {spec.unit}
        {spec.scale === 'log' ? ', log scale' : ''}. Keys: arrows step, Page Up and Page Down jump a tenth of the way, Home and End go to the ends;
        type an exact value (200k, 2 KiB, 7d) in the field.{fine ? ' Fine sliders: the slider spans a tenth of its range around the value.' : ''}
      </p>
      {fieldNote && (
        <p role="status" className="text-xs text-amber-700 lg:col-span-4 dark:text-amber-300">
          {fieldNote}
        </p>
      )}
    </div>
  );
});

/** The slider's positions: all of them, or a fine slider's tenth around `anchor`. */
function sliderRange(fine: boolean, anchor: number): { min: number; max: number } {
  return fine ? fineWindow(anchor) : { min: 0, max: SLIDER_STEPS };
}
