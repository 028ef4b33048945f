import type { ComponentChildren } from 'preact';
import { DeepCaptureSwitch } from './deep-capture-switch';
import { RulesToggle } from './intercept-area';
import { ExportMenu } from './export-menu';
import { useModel } from './model/model-context';
import { MoreMenu } from './more-menu';

/**
 * The panel's first toolbar row, laid out like the Network panel's. When the panel is narrow
 * (DevTools docked beside the page), the less-used controls move into the "More" menu, so the
 * row never scrolls sideways.
 */
export function Toolbar({ narrow, tools }: { narrow: boolean; tools?: ComponentChildren }) {
  const model = useModel();
  const log = model.log.value;
  const paused = log.pausedSince !== null;
  const total = log.sockets.size;
  const { abnormal, injected } = log.stats;
  return (
    <div class="toolbar" role="toolbar" aria-label="WebSocket Close Inspector">
      {model.isLive && (
        <>
          <button
            type="button"
            class="icon-button"
            onClick={() => (paused ? model.resume() : model.pause())}
            title={paused ? 'Resume recording' : 'Pause recording'}
          >
            <span class={paused ? 'rec-dot paused' : 'rec-dot'} aria-hidden="true" />
            {paused ? 'Resume' : 'Pause'}
          </button>
          <button
            type="button"
            class="icon-button"
            onClick={() => model.clear()}
            title="Clear the list (and the badge)"
          >
            Clear
          </button>
          {!narrow && <PreserveLog />}
          {!narrow && <DeepCaptureSwitch />}
          <RulesToggle />
          <span class="divider" />
        </>
      )}
      <div class="segmented" role="radiogroup" aria-label="View">
        {(['sockets', 'connections'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="radio"
            aria-checked={model.view.value === v}
            class={model.view.value === v ? 'active' : ''}
            onClick={() => model.setView(v)}
          >
            {v === 'sockets' ? 'Sockets' : 'Connections'}
          </button>
        ))}
      </div>
      {!narrow && <TimelineToggle />}
      <span class="divider" />
      <ExportMenu />
      {!narrow && tools}
      <MoreMenu narrow={narrow} tools={tools} />
      {/* One unit when the row wraps: the tab's number never takes a row of its own. */}
      <span class="status">
        <span class="summary" data-testid="summary">
          {total} {total === 1 ? 'socket' : 'sockets'}
          {abnormal > 0 && <span class="summary-abnormal"> · ✕ {abnormal} abnormal</span>}
          {injected > 0 && (
            <span
              class="summary-injected"
              title="Closes the tester injected with the fault controls: never counted as abnormal"
            >
              {' '}
              · ⚑ {injected} injected
            </span>
          )}
        </span>
        {log.rejected.count > 0 && (
          <span class="rejected" title={`Last: ${log.rejected.lastError}`} data-testid="rejected">
            {log.rejected.count} malformed page messages ignored
          </span>
        )}
        {model.source && !narrow && <span class="source muted">{model.source}</span>}
      </span>
    </div>
  );
}

export function PreserveLog() {
  const model = useModel();
  return (
    <label title="Keep sockets of earlier pages when the tab navigates">
      <input
        type="checkbox"
        checked={model.log.value.preserveLog}
        onChange={(e) => model.setPreserveLog(e.currentTarget.checked)}
      />{' '}
      Preserve log
    </label>
  );
}

export function TimelineToggle() {
  const model = useModel();
  return (
    <label title="A lane per connection, on one time axis (folded away while the panel is too short for it and five rows of the list)">
      <input
        type="checkbox"
        checked={model.prefs.value.showTimeline}
        onChange={(e) => model.setPrefs({ showTimeline: e.currentTarget.checked })}
      />{' '}
      Timeline
    </label>
  );
}
