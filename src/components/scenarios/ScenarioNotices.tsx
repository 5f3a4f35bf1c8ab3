import { dismissScenarioNotice, useScenarioSession } from '../../state/scenario-session';

/** Notices about scenarios: bad saved data, a repaired or refused import, a failed save. Text only. */
export function ScenarioNotices() {
  const notices = useScenarioSession((state) => state.notices);
  if (notices.length === 0) return null;
  return (
    <div className="space-y-2">
      {notices.map((notice) => (
        <div
          key={notice.id}
          role={notice.tone === 'warning' ? 'alert' : 'status'}
          data-testid="scenario-notice"
          className={`flex items-start gap-4 rounded-lg border p-3 text-sm ${notice.tone === 'warning' ? 'border-amber-500 bg-amber-50 dark:bg-amber-950' : 'border-teal-600 bg-teal-50 dark:bg-teal-950'}`}
        >
          <div className="min-w-0 flex-1">
            <p className="font-semibold">{notice.title}</p>
            {notice.items.length > 0 && (
              <ul className="mt-1 list-disc space-y-0.5 pl-5">
                {notice.items.map((item, index) => (
                  <li key={index} className="break-words">
                    {item}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <button
            type="button"
            onClick={() => dismissScenarioNotice(notice.id)}
            aria-label={`Dismiss notice: ${notice.title}`}
            className="rounded border border-current px-3 py-1 text-sm hover:bg-white/50 dark:hover:bg-black/30"
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
