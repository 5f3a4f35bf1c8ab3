import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  readonly children: ReactNode;
  /** What failed, in the user's words ("The metrics"). */
  readonly area: string;
}

/** Keeps the rest of the page usable when one part throws: a message instead of a blank page. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`${this.props.area} failed`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="rounded-lg border border-red-600 bg-red-50 p-4 dark:bg-red-950">
        <p className="font-semibold">{this.props.area} could not be shown.</p>
        <p className="text-sm">{this.state.error.message}</p>
        <button type="button" className="mt-2 rounded border border-red-600 px-3 py-1 text-sm" onClick={() => this.setState({ error: null })}>
          Try again
        </button>{' '}
        <a className="text-sm underline" href={window.location.pathname}>
          Start from the default plan
        </a>
      </div>
    );
  }
}
