import { Component, type ReactNode } from 'react';

/**
 * Catches a screen that fails to render or to load (a lazy chunk replaced by a newer build of
 * `teia serve`, a bug): the person sees a sentence and a way out instead of a blank page, and
 * the rest of the window (search, navigation) keeps working. Keyed by path, so moving to
 * another screen tries again.
 */
export class ScreenBoundary extends Component<{ message: string; retry: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error('A screen failed:', error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section role="alert">
        <p className="error">{this.props.message}</p>
        <button type="button" onClick={() => location.reload()}>
          {this.props.retry}
        </button>
      </section>
    );
  }
}
