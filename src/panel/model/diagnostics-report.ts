import manifest from '../../../manifest.json' with { type: 'json' };
import { PROTOCOL_VERSION } from '../../protocol/envelope';
import type { PanelModel } from './panel-model';

/**
 * What a bug report about the panel needs, as plain text: versions, the link's state, the size
 * of the log against its caps, the settings, and every failure the panel saw. No socket URLs,
 * reasons or previews: those stay in the close log, which the user exports on purpose.
 */
export function diagnosticsReport(model: PanelModel, userAgent: string): string {
  const log = model.log.value;
  const prefs = model.prefs.value;
  const link = model.linkStatus.value;
  const lines = [
    `WebSocket Close Inspector ${manifest.version} (page protocol ${PROTOCOL_VERSION})`,
    `Browser: ${userAgent}`,
    `View: ${model.isLive ? (model.source ?? 'live') : 'imported or viewer'}; link ${link.state}${
      link.state === 'failed' ? ` (${link.error})` : ''
    }`,
    `Log: ${log.sockets.size} sockets (${log.stats.alive} alive, ${log.stats.abnormal} abnormal, ${log.stats.injected} injected), ${log.navigations.length} navigations kept, ${log.rejected.count} page messages rejected${log.rejected.count ? ` (last: ${log.rejected.lastError})` : ''}`,
    `Previews: ${log.budget.count} held, ${log.budget.chars} chars; limits ${prefs.limits.perSocket} per socket, ${prefs.limits.total} in all, ${prefs.limits.totalChars} chars`,
    `Recording: ${log.pausedSince === null ? 'on' : 'paused'}; preserve log ${log.preserveLog ? 'on' : 'off'}; debug logging ${prefs.debug ? 'on' : 'off'}`,
    '',
    `Failures seen (${model.diagnostics.entries.value.length}):`,
    ...model.diagnostics.entries.value.map(
      (e) =>
        `- ${new Date(e.at).toISOString()} [${e.source}] ${e.message}${e.detail ? `\n    ${e.detail.replace(/\n/g, '\n    ')}` : ''}`,
    ),
  ];
  return lines.join('\n');
}
