import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { ConnectionsTable } from './connections-table';
import { DetailsPane } from './details-pane';
import { ErrorBoundary } from './error-boundary';
import { FilterBar } from './filter-bar';
import { InterceptArea } from './intercept-area';
import { useModel } from './model/model-context';
import { SocketTable } from './socket-table';
import { SplitPane } from './split-pane';
import { StatusBanners } from './status-banners';
import { TimelineArea } from './timeline-area';
import { Toolbar } from './toolbar';
import { useElementSize } from './use-element-size';

/** The timeline over the list (or the connection histories). */
function MainTop() {
  const model = useModel();
  const ref = useRef<HTMLDivElement>(null);
  const { height } = useElementSize(ref, { width: 0, height: 600 });
  return (
    <div class="main-top" ref={ref}>
      <ErrorBoundary area="timeline">
        <TimelineArea available={height} />
      </ErrorBoundary>
      <ErrorBoundary area="list">
        {model.view.value === 'sockets' ? <SocketTable /> : <ConnectionsTable />}
      </ErrorBoundary>
    </div>
  );
}

/** Below this width the toolbar tucks its less-used controls into a menu. */
export const NARROW_PX = 640;
/** From this width on, the selected socket's details sit beside the list instead of below it. */
export const WIDE_PX = 1000;

/**
 * One panel view of a log (the live tab's, or an imported file's): toolbar, filters, the list or
 * the connection histories with the timeline above them, and the selected socket's details,
 * below the list when the panel is narrow and beside it when wide.
 */
export function App({ banner, tools }: { banner?: ComponentChildren; tools?: ComponentChildren }) {
  const model = useModel();
  const ref = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(ref, { width: 1200, height: 600 });
  const narrow = width < NARROW_PX;
  const selected = model.selected.value;
  return (
    <div class={narrow ? 'app narrow' : 'app'} ref={ref}>
      {banner}
      <ErrorBoundary area="toolbar">
        <Toolbar narrow={narrow} tools={tools} />
        <FilterBar />
      </ErrorBoundary>
      <StatusBanners />
      <ErrorBoundary area="interception">
        <InterceptArea />
      </ErrorBoundary>
      <main>
        <SplitPane
          orientation={width >= WIDE_PX ? 'beside' : 'below'}
          ratio={model.prefs.value.splitRatio}
          onRatio={(splitRatio) => model.setPrefs({ splitRatio })}
          first={<MainTop />}
          second={
            selected && (
              <ErrorBoundary area="details" key={selected.id}>
                <DetailsPane socket={selected} />
              </ErrorBoundary>
            )
          }
        />
      </main>
    </div>
  );
}
