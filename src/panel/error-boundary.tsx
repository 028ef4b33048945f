import { Component } from 'preact';
import type { ComponentChildren, ContextType } from 'preact';
import { copyText } from './clipboard';
import { diagnosticsReport } from './model/diagnostics-report';
import { ModelContext } from './model/model-context';

interface Props {
  /** Which part of the panel this guards, for the message and the diagnostics. */
  area: string;
  children: ComponentChildren;
}

/**
 * Keeps a failure in one part of the panel from blanking the rest: the part shows what went
 * wrong, offers the diagnostics for a bug report, and can be tried again.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null; copied: boolean }> {
  static override contextType = ModelContext;
  declare context: ContextType<typeof ModelContext>;
  override state: { error: Error | null; copied: boolean } = { error: null, copied: false };

  override componentDidCatch(error: unknown): void {
    const e = error instanceof Error ? error : new Error(String(error));
    this.context?.diagnostics.report('view', `The ${this.props.area} failed to render: ${e.message}`, e);
    this.setState({ error: e, copied: false });
  }

  override render() {
    const { error, copied } = this.state;
    if (!error) return this.props.children;
    const model = this.context;
    return (
      <div class="failed-area" role="alert">
        <p>
          This part of the panel ({this.props.area}) failed: {error.message}. The rest keeps working.
        </p>
        {model && (
          <button
            type="button"
            onClick={() =>
              void copyText(diagnosticsReport(model, navigator.userAgent)).then(
                () => this.setState({ copied: true }),
                (e: unknown) => model.diagnostics.report('clipboard', 'Copying the diagnostics failed', e),
              )
            }
          >
            {copied ? 'Copied' : 'Copy diagnostics'}
          </button>
        )}
        <button type="button" onClick={() => this.setState({ error: null, copied: false })}>
          Try again
        </button>
      </div>
    );
  }
}
