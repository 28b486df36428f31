import type { ProgressEvent } from '../../../shared/api/progress.ts';

/** A labelled progress bar for long jobs; indeterminate when the total is unknown. */
export function ProgressBar({ event, label }: { event: ProgressEvent | null; label: string }) {
  if (!event) return null;
  const determinate = event.total !== null && event.total > 0 && event.done !== null;
  const percent = determinate ? Math.min(100, Math.round(((event.done ?? 0) / (event.total ?? 1)) * 100)) : undefined;
  return (
    <div className="progress">
      <label>
        {label}: {event.phase}
        {event.count !== undefined ? ` (${event.count.toLocaleString('nl-NL')} regels)` : ''}
        <progress max={determinate ? 100 : undefined} value={percent} aria-valuetext={percent !== undefined ? `${percent} %` : event.phase} />
      </label>
    </div>
  );
}
