import { selectUrlNotices, usePlannerStore } from '../state/planner-store';

/** What the opening link asked for that could not be used as given. Text only, never HTML. */
export function UrlNoticeBanner() {
  const notices = usePlannerStore(selectUrlNotices);
  const dismiss = usePlannerStore((state) => state.dismissUrlNotices);
  if (notices.length === 0) return null;
  return (
    <div role="alert" className="flex items-start gap-4 rounded-lg border border-amber-500 bg-amber-50 p-4 dark:bg-amber-950">
      <div className="flex-1">
        <p className="font-semibold">Some values in this link were changed:</p>
        <ul className="mt-1 list-disc pl-5 text-sm">
          {notices.map((notice, index) => (
            <li key={`${notice.param}-${index}`} data-testid={`url-notice-${notice.param}`}>
              <code>{notice.param}</code> = “<span className="break-all">{notice.given}</span>”: {notice.reason}.
            </li>
          ))}
        </ul>
      </div>
      <button type="button" onClick={dismiss} className="rounded border border-amber-600 px-3 py-1 text-sm hover:bg-amber-100 dark:hover:bg-amber-900">
        Dismiss
      </button>
    </div>
  );
}
