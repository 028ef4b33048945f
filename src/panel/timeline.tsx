import { useRef } from 'preact/hooks';
import type { CloseExplanation } from '../close-codes/types';
import type { LogState, Navigation } from '../log/log-state';
import { endpointPath } from '../log/reconnects';
import type { ConnectionGroup } from '../log/reconnects';
import { messageCount } from '../log/socket-record';
import type { SocketRecord } from '../log/socket-record';
import { explainCached } from '../log/socket-view';
import { densityBins, makeScale, timelineSpan } from '../log/timeline-scale';
import type { TimelineScale } from '../log/timeline-scale';
import { closeTone } from './close-cell';
import { formatClock, formatDuration } from './format';
import { describeGroup } from './group-text';
import { useModel } from './model/model-context';
import { useElementSize } from './use-element-size';
import { useNow } from './use-now';
import { useVirtualRows } from './use-virtual-rows';

export const LANE_HEIGHT = 20;
const BAR_Y = 4;
const BAR_HEIGHT = 12;
const MARKER = { ok: '●', warn: '▲', abnormal: '✕', 'abnormal-1006': '✕', injected: '⚑', none: '' } as const;
/** A lane draws at most one bar per this many pixels: a bounded DOM however many sockets it has. */
const PX_PER_BAR = 3;
/** Tones from least to most telling: where sockets share a pixel, the most telling one is drawn. */
const TONE_RANK = ['none', 'ok', 'warn', 'injected', 'abnormal', 'abnormal-1006'] as const;
type Tone = (typeof TONE_RANK)[number];

/**
 * Every socket's life on one time axis, a lane per connection (so a reconnect is the next bar on
 * the same lane): connecting and open phases, message density inside the bar, the close marked
 * and coloured by severity. Clicking a bar selects its socket. A lane draws at most one bar per
 * few pixels (the most telling of the sockets there), so 200,000 sockets cost a bounded DOM.
 */
export function Timeline() {
  const model = useModel();
  const plotRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(plotRef, { width: 600, height: 0 });
  const groups = model.groups.value;
  const log = model.log.value;
  const lanes = useVirtualRows(groups.length, LANE_HEIGHT, scrollRef);
  const now = useNow();
  if (groups.length === 0) return null;

  const { start, end } = timelineSpan(groups, now);
  const pad = (end - start) * 0.02;
  const scale = makeScale(start - pad, end + pad, width);
  const selectedId = model.selectedId.value;

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
          const g = groups[v.index];
          if (!g) return null;
          const lastAttempt = g.attempts[g.attempts.length - 1];
          return (
            <div class="lane" key={g.endpoint}>
              <button
                type="button"
                class="lane-label"
                title={`${g.endpoint}\n${describeGroup(g)}`}
                onClick={() => lastAttempt && model.select(lastAttempt.id)}
              >
                {(g.storm || g.neverCameBack) && <span class="lane-flag">{g.storm ? '⚡' : '✕'}</span>}
                {endpointPath(g.endpoint)}
                <span class="muted"> ×{g.attempts.length}</span>
              </button>
              <svg class="lane-plot" width={width} height={LANE_HEIGHT} role="group" aria-label={g.endpoint}>
                {laneBars(g, log, scale, now).map((bar) =>
                  bar.sockets === 1 ? (
                    <Bar
                      key={bar.s.id}
                      s={bar.s}
                      x={bar.x}
                      scale={scale}
                      now={now}
                      selected={bar.s.id === selectedId}
                    />
                  ) : (
                    <Cluster key={bar.s.id} bar={bar} selected={bar.s.id === selectedId} />
                  ),
                )}
                {g.attempts.length <= width / PX_PER_BAR && <GapLabels group={g} scale={scale} />}
                <NavigationLines navigations={log.navigations} scale={scale} />
              </svg>
            </div>
          );
        })}
        <div style={{ height: `${lanes.after}px` }} />
      </div>
    </div>
  );
}

interface LaneBar {
  /** The socket drawn (the most telling of those sharing its pixel), as the log holds it now. */
  s: SocketRecord;
  x: CloseExplanation | null;
  tone: Tone;
  sockets: number;
  x0: number;
  x1: number;
}

/**
 * A lane's bars, at most one per PX_PER_BAR pixels of creation time. Records come from the current log, not
 * from the group (which is recomputed only when lifecycles change), so message density is live.
 */
function laneBars(g: ConnectionGroup, log: LogState, scale: TimelineScale, now: number): LaneBar[] {
  const bars: LaneBar[] = [];
  let last: LaneBar | undefined;
  for (const attempt of g.attempts) {
    const s = log.sockets.byId(attempt.id) ?? attempt;
    const x = explainCached(s);
    const tone = closeTone(x);
    const x0 = scale.x(s.createdAt);
    const x1 = Math.max(scale.x(s.closedAt ?? now), x0 + 2);
    if (last && Math.floor(x0 / PX_PER_BAR) <= Math.floor(last.x0 / PX_PER_BAR)) {
      last.sockets++;
      last.x1 = Math.max(last.x1, x1);
      if (TONE_RANK.indexOf(tone) > TONE_RANK.indexOf(last.tone)) Object.assign(last, { s, x, tone });
      continue;
    }
    last = { s, x, tone, sockets: 1, x0, x1 };
    bars.push(last);
  }
  return bars;
}

function Bar({
  s,
  x,
  scale,
  now,
  selected,
}: {
  s: SocketRecord;
  x: CloseExplanation | null;
  scale: TimelineScale;
  now: number;
  selected: boolean;
}) {
  const model = useModel();
  const x0 = scale.x(s.createdAt);
  const xOpen = s.openedAt === null ? null : scale.x(s.openedAt);
  const xEnd = Math.max(scale.x(s.closedAt ?? now), x0 + 2);
  const tone = closeTone(x);
  const bins = Math.max(1, Math.floor((xEnd - x0) / 2));
  const density = densityBins(
    s.messages.length,
    (i) => s.messages.at(i)?.t ?? 0,
    s.createdAt,
    s.closedAt ?? now,
    bins,
  );
  const peak = density.reduce((a, b) => Math.max(a, b), 1);
  const title = `${s.url}\ncreated ${formatClock(s.createdAt)}${
    s.openedAt ? `, opened +${formatDuration(s.openedAt - s.createdAt)}` : ', never opened'
  }${
    s.close
      ? `\nclosed ${formatClock(s.close.at)}: ${s.close.code} ${x?.info.name ?? ''} (${x?.abnormal ? 'abnormal' : 'normal'})`
      : '\nstill open'
  }\n${messageCount(s).toLocaleString('en-US')} messages`;
  return (
    <g
      class={`bar tone-${tone}${selected ? ' selected' : ''}`}
      data-socket-id={s.id}
      onClick={() => model.select(s.id)}
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

/** Sockets too close in time to draw apart: one bar, the most telling socket's tone and click. */
function Cluster({ bar, selected }: { bar: LaneBar; selected: boolean }) {
  const model = useModel();
  return (
    <g
      class={`bar cluster tone-${bar.tone}${selected ? ' selected' : ''}`}
      data-socket-id={bar.s.id}
      onClick={() => model.select(bar.s.id)}
    >
      <title>{`${bar.sockets.toLocaleString('en-US')} sockets here; the most telling: ${bar.s.url}`}</title>
      <rect class="open" x={bar.x0} y={BAR_Y} width={Math.max(bar.x1 - bar.x0, 1)} height={BAR_HEIGHT} />
    </g>
  );
}

/** "came back 3.0 s later": the time between a close and the next attempt, where it fits. */
function GapLabels({ group, scale }: { group: ConnectionGroup; scale: TimelineScale }) {
  const labels = [];
  for (let i = 1; i < group.attempts.length; i++) {
    const gap = group.gapBefore[i];
    const next = group.attempts[i]?.createdAt;
    if (gap == null || next === undefined || scale.x(next) - scale.x(next - gap) < 44) continue;
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

function NavigationLines({
  navigations,
  scale,
}: {
  navigations: readonly Navigation[];
  scale: TimelineScale;
}) {
  return (
    <>
      {navigations.map((n) => (
        <line key={n.at} class="nav-line" x1={scale.x(n.at)} x2={scale.x(n.at)} y1={0} y2={LANE_HEIGHT} />
      ))}
    </>
  );
}

function tickLabel(t: number, step: number): string {
  const clock = formatClock(t);
  return step < 1000 ? clock.slice(3) : clock.slice(0, 8);
}
