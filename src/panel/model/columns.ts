/** The socket table's columns, as data: the table lays them out, the chooser lists them. */
export type ColumnId =
  | 'url'
  | 'code'
  | 'name'
  | 'reason'
  | 'clean'
  | 'initiator'
  | 'explanation'
  | 'protocol'
  | 'state'
  | 'opened'
  | 'duration'
  | 'sent'
  | 'received';

export interface ColumnSpec {
  id: ColumnId;
  label: string;
  /** Pixels it needs; a flexible column takes a share of what is left beyond that. */
  minWidth: number;
  /** Share of the spare width, for columns whose text runs long (URL, reason, explanation). */
  flex: number;
  numeric: boolean;
  title?: string;
}

/** Left to right. The close comes right after the URL: it is what this panel is for. */
export const COLUMNS: readonly ColumnSpec[] = [
  { id: 'url', label: 'URL', minWidth: 100, flex: 2, numeric: false },
  { id: 'code', label: 'Code', minWidth: 128, flex: 0, numeric: false },
  { id: 'name', label: 'Name', minWidth: 116, flex: 1, numeric: false },
  { id: 'reason', label: 'Reason', minWidth: 90, flex: 1, numeric: false },
  {
    id: 'clean',
    label: 'Clean',
    minWidth: 50,
    flex: 0,
    numeric: false,
    title: 'wasClean: the closing handshake completed',
  },
  { id: 'initiator', label: 'By', minWidth: 66, flex: 0, numeric: false, title: 'Who ended the connection' },
  { id: 'explanation', label: 'Explanation', minWidth: 184, flex: 3, numeric: false },
  {
    id: 'protocol',
    label: 'Protocol',
    minWidth: 96,
    flex: 0,
    numeric: false,
    title: 'The application protocol on top of WebSocket: detected, or chosen with Decode as',
  },
  { id: 'state', label: 'State', minWidth: 64, flex: 0, numeric: false },
  { id: 'opened', label: 'Opened', minWidth: 96, flex: 0, numeric: false },
  { id: 'duration', label: 'Duration', minWidth: 70, flex: 0, numeric: true },
  {
    id: 'sent',
    label: 'Sent',
    minWidth: 84,
    flex: 0,
    numeric: true,
    title: 'Messages and bytes sent by the page',
  },
  {
    id: 'received',
    label: 'Received',
    minWidth: 84,
    flex: 0,
    numeric: true,
    title: 'Messages and bytes received by the page',
  },
];

/**
 * Which columns give way first when the panel is narrow: the last of this list first. URL, code
 * and name stay down to 360 px (DevTools' narrowest docked width).
 */
export const COLUMN_PRIORITY: readonly ColumnId[] = [
  'url',
  'code',
  'name',
  'explanation',
  'protocol',
  'initiator',
  'reason',
  'duration',
  'clean',
  'state',
  'received',
  'sent',
  'opened',
];

/** The user's own choices (column chooser); a column not named here is shown if it fits. */
export type ColumnChoices = Partial<Record<ColumnId, boolean>>;

export interface ColumnLayout {
  id: ColumnId;
  width: number;
}

/** Cell borders the widths must leave room for, so the table never overflows its box. */
const BORDERS_PX = 4;

/**
 * The columns to show in `width` pixels, left to right, with their widths: the user's hidden
 * columns never, the others in priority order while their minimum widths fit (the first that
 * does not fit ends the list, so a less important column never shows where a more important one
 * could not); the spare width goes to the flexible ones. The URL is always shown.
 */
export function layoutColumns(width: number, choices: ColumnChoices): ColumnLayout[] {
  const wanted = COLUMN_PRIORITY.filter((id) => id === 'url' || choices[id] !== false);
  const specs = new Map(COLUMNS.map((c) => [c.id, c]));
  const room = width - BORDERS_PX;
  const shown = new Set<ColumnId>();
  let used = 0;
  for (const id of wanted) {
    const min = specs.get(id)?.minWidth ?? 0;
    if (id !== 'url' && used + min > room) break;
    shown.add(id);
    used += min;
  }
  const visible = COLUMNS.filter((c) => shown.has(c.id));
  const flexTotal = visible.reduce((n, c) => n + c.flex, 0);
  const spare = Math.max(0, room - used);
  return visible.map((c) => ({
    id: c.id,
    width: c.minWidth + (flexTotal > 0 ? Math.floor((spare * c.flex) / flexTotal) : 0),
  }));
}
