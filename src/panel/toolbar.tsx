import type { ComponentChildren } from 'preact';

export type MainView = 'sockets' | 'connections';

interface Props {
  paused: boolean;
  onPause(paused: boolean): void;
  onClear(): void;
  preserveLog: boolean;
  onPreserveLog(on: boolean): void;
  view: MainView;
  onView(view: MainView): void;
  showTimeline: boolean;
  onShowTimeline(on: boolean): void;
  /** The export buttons and menu. */
  exports: ComponentChildren;
  /** Read-only views (an imported log) have nothing to pause, clear or preserve. */
  live: boolean;
  children?: ComponentChildren;
}

/** The panel's first toolbar row, laid out like the Network panel's. */
export function Toolbar(p: Props) {
  return (
    <div class="toolbar" role="toolbar" aria-label="WebSocket Close Inspector">
      {p.live && (
        <>
          <button
            type="button"
            class="icon-button"
            onClick={() => p.onPause(!p.paused)}
            title={p.paused ? 'Resume recording' : 'Pause recording'}
          >
            <span class={p.paused ? 'rec-dot paused' : 'rec-dot'} aria-hidden="true" />
            {p.paused ? 'Resume' : 'Pause'}
          </button>
          <button
            type="button"
            class="icon-button"
            onClick={p.onClear}
            title="Clear the list (and the badge)"
          >
            Clear
          </button>
          <span class="divider" />
          <label title="Keep sockets of earlier pages when the tab navigates">
            <input
              type="checkbox"
              checked={p.preserveLog}
              onChange={(e) => p.onPreserveLog(e.currentTarget.checked)}
            />{' '}
            Preserve log
          </label>
          <span class="divider" />
        </>
      )}
      <div class="segmented" role="radiogroup" aria-label="View">
        {(['sockets', 'connections'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="radio"
            aria-checked={p.view === v}
            class={p.view === v ? 'active' : ''}
            onClick={() => p.onView(v)}
          >
            {v === 'sockets' ? 'Sockets' : 'Connections'}
          </button>
        ))}
      </div>
      <label>
        <input
          type="checkbox"
          checked={p.showTimeline}
          onChange={(e) => p.onShowTimeline(e.currentTarget.checked)}
        />{' '}
        Timeline
      </label>
      <span class="divider" />
      {p.exports}
      {p.children}
    </div>
  );
}
