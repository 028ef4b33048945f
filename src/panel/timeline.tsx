import { useEffect, useRef, useState } from 'preact/hooks';
import type { Navigation } from '../log/log-store';
import { endpointPath } from '../log/reconnects';
import type { ConnectionGroup } from '../log/reconnects';
import { densityBins, makeScale } from '../log/timeline-scale';
import type { TimelineScale } from '../log/timeline-scale';
import { messageCount } from '../log/socket-record';
import type { SocketRecord } from '../log/socket-record';
import type { CloseExplanation } from '../close-codes/types';
import { closeTone } from './close-cell';
import { formatClock, formatDuration } from './format';
import { describeGroup } from './group-text';
import { useVirtualRows } from './use-virtual-rows';

interface Props {
  groups: ConnectionGroup[];
  explain(s: SocketRecord): CloseExplanation | null;
  navigations: Navigation[];
  selectedId: string | null;
  onSelect(id: string): void;
  now: number;
}

const LANE_HEIGHT = 20;
const BAR_Y = 4;
const BAR_HEIGHT = 12;
const MARKER = { ok: '●', warn: '▲', abnormal: '✕', 'abnormal-1006': '✕', injected: '⚑', none: '' } as const;

/**
 * Every socket's life on one time axis, a lane per connection (so a reconnect is the next bar on
 * the same lane): connecting and open phases, message density inside the bar, the close marked
 * and coloured by severity. Clicking a bar selects its socket.
 */
export function Timeline({ groups, explain, navigations, selectedId, onSelect, now }: Props) {
  const plotRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useWidth(plotRef);
  const lanes = useVirtualRows(groups.length, LANE_HEIGHT, scrollRef);
  if (groups.length === 0) return null;

  const sockets = groups.flatMap((g) => g.attempts);
  const start = Math.min(...sockets.map((s) => s.createdAt));
  const end = Math.max(start + 1000, ...sockets.map((s) => s.closedAt ?? now));
  const pad = (end - start) * 0.02;
  const scale = makeScale(start - pad, end + pad, width);

  return (
    <div class="timeline" aria-label="Timeline: one lane per connection">
      <div class="timeline-axis">
        <div class="lane-label muted">
          {groups.length === 1 ? '1 connection' : `${groups.length} connections`}
        </div>
        <div class="axis" ref={plotRef}>
          {scale.ticks.map((t) => (
            <span key={t.t} class="tick" style={{ left: `${t.x}px` }}>
              {tickLabel(t.t, scale.step)}
            </span>
          ))}
        </div>
      </div>
      <div class="lanes" ref={scrollRef}>
        <div style={{ height: `${lanes.before}px` }} />
        {lanes.items.map((v) => {
          const g = groups[v.index]!;
          return (
            <div class="lane" key={g.endpoint}>
              <button
                type="button"
                class="lane-label"
                title={`${g.endpoint}\n${describeGroup(g)}`}
                onClick={() => onSelect(g.attempts[g.attempts.length - 1]!.id)}
              >
                {(g.storm || g.neverCameBack) && <span class="lane-flag">{g.storm ? '⚡' : '✕'}</span>}
                {endpointPath(g.endpoint)}
                <span class="muted"> ×{g.attempts.length}</span>
              </button>
              <svg class="lane-plot" width={width} height={LANE_HEIGHT} role="group" aria-label={g.endpoint}>
                {g.attempts.map((s) => (
                  <Bar
                    key={s.id}
                    s={s}
                    x={explain(s)}
                    scale={scale}
                    now={now}
                    selected={s.id === selectedId}
                    onSelect={onSelect}
                  />
                ))}
                <GapLabels group={g} scale={scale} />
                {navigations.map((n) => (
                  <line
                    key={n.at}
                    class="nav-line"
                    x1={scale.x(n.at)}
                    x2={scale.x(n.at)}
                    y1={0}
                    y2={LANE_HEIGHT}
                  />
                ))}
              </svg>
            </div>
          );
        })}
        <div style={{ height: `${lanes.after}px` }} />
      </div>
    </div>
  );
}

function Bar({
  s,
  x,
  scale,
  now,
  selected,
  onSelect,
}: {
  s: SocketRecord;
  x: CloseExplanation | null;
  scale: TimelineScale;
  now: number;
  selected: boolean;
  onSelect(id: string): void;
}) {
  const x0 = scale.x(s.createdAt);
  const xOpen = s.openedAt === null ? null : scale.x(s.openedAt);
  const xEnd = Math.max(scale.x(s.closedAt ?? now), x0 + 2);
  const tone = closeTone(x);
  const bins = Math.max(1, Math.floor((xEnd - x0) / 2));
  const density = densityBins(
    s.messages.length,
    (i) => s.messages.at(i)!.t,
    s.createdAt,
    s.closedAt ?? now,
    bins,
  );
  const peak = Math.max(1, ...density);
  const title = `${s.url}\ncreated ${formatClock(s.createdAt)}${s.openedAt ? `, opened +${formatDuration(s.openedAt - s.createdAt)}` : ', never opened'}${
    s.close
      ? `\nclosed ${formatClock(s.close.at)}: ${s.close.code} ${x?.info.name ?? ''} (${x?.abnormal ? 'abnormal' : 'normal'})`
      : '\nstill open'
  }\n${messageCount(s).toLocaleString('en-US')} messages`;
  return (
    <g
      class={`bar tone-${tone}${selected ? ' selected' : ''}`}
      data-socket-id={s.id}
      onClick={() => onSelect(s.id)}
    >
      <title>{title}</title>
      <rect
        class="connecting"
        x={x0}
        y={BAR_Y}
        width={Math.max((xOpen ?? xEnd) - x0, 1)}
        height={BAR_HEIGHT}
      />
      {xOpen !== null && (
        <rect class="open" x={xOpen} y={BAR_Y} width={Math.max(xEnd - xOpen, 1)} height={BAR_HEIGHT} />
      )}
      <path
        class="density"
        d={density
          .map((n, i) =>
            n
              ? `M${x0 + i * 2 + 1} ${BAR_Y + BAR_HEIGHT}v-${(BAR_HEIGHT * Math.log1p(n)) / Math.log1p(peak)}`
              : '',
          )
          .join('')}
      />
      {xOpen !== null && (
        <line class="open-mark" x1={xOpen} x2={xOpen} y1={BAR_Y - 2} y2={BAR_Y + BAR_HEIGHT + 2} />
      )}
      {s.close && (
        <text class="close-mark" x={xEnd} y={BAR_Y + BAR_HEIGHT - 1} text-anchor="middle">
          {MARKER[tone]}
        </text>
      )}
    </g>
  );
}

/** "came back 3.0 s later": the time between a close and the next attempt, where it fits. */
function GapLabels({ group, scale }: { group: ConnectionGroup; scale: TimelineScale }) {
  const labels = [];
  for (let i = 1; i < group.attempts.length; i++) {
    const gap = group.gapBefore[i]!;
    const next = group.attempts[i]!.createdAt;
    if (gap === null || scale.x(next) - scale.x(next - gap) < 44) continue;
    labels.push(
      <text
        key={i}
        class="gap-label"
        x={(scale.x(next - gap) + scale.x(next)) / 2}
        y={BAR_Y + BAR_HEIGHT - 2}
        text-anchor="middle"
      >
        {formatDuration(gap)}
      </text>,
    );
  }
  return <>{labels}</>;
}

function tickLabel(t: number, step: number): string {
  const clock = formatClock(t);
  return step < 1000 ? clock.slice(3) : clock.slice(0, 8);
}

function useWidth(ref: { current: HTMLElement | null }): number {
  const [width, setWidth] = useState(600);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, [ref.current]);
  return width;
}
