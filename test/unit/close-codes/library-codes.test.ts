import { describe, expect, it } from 'vitest';
import { describeUse, libraryUses, shortUse } from '../../../src/close-codes/library-codes';

const libraries = (code: number) => libraryUses(code).map((u) => u.library);

describe('libraryUses', () => {
  it('knows the graphql-ws server codes and their retry policy', () => {
    expect(libraryUses(4401)).toEqual([
      { library: 'graphql-ws', meaning: 'unauthorized', note: expect.stringContaining('fatal') },
    ]);
    expect(libraryUses(4403)[0]?.note).toContain('retry');
    expect(libraryUses(4408)[0]?.meaning).toBe('connection initialisation timeout');
  });

  it('says the graphql-ws client codes go out in the client close frame, and 4499 is also synthetic', () => {
    for (const code of [4004, 4005, 4504, 4499]) {
      const use = libraryUses(code).find((u) => u.library === 'graphql-ws');
      expect(use?.note).toContain('sent by graphql-ws clients in their own close frame');
      expect(use?.note).not.toContain('never');
    }
    expect(libraryUses(4499)[0]?.note).toContain('synthetic unclean close event');
    expect(libraries(4004)).toEqual(['Discord gateway', 'SocketCluster', 'Twitch EventSub', 'graphql-ws']);
  });

  it('lists both meanings of 4500 (graphql-ws and Spring)', () => {
    expect(libraries(4500)).toEqual(['graphql-ws', 'Spring']);
  });

  it('follows the Discord gateway ranges: 4000-4005, 4007-4014, no 4006', () => {
    expect(libraries(4006)).not.toContain('Discord gateway');
    for (const code of [4000, 4005, 4007, 4014]) expect(libraries(code)).toContain('Discord gateway');
    expect(libraries(4015)).not.toContain('Discord gateway');
    const noRetry = (code: number) => libraryUses(code).find((u) => u.library === 'Discord gateway')?.note;
    expect(noRetry(4004)).toBe('must not be retried');
    expect(noRetry(4010)).toBe('must not be retried');
    expect(noRetry(4009)).toBeNull();
  });

  it('knows the SockJS 3000 "Go away!" and SaltyRTC 3000-3008', () => {
    expect(libraries(3000)).toEqual(['SockJS server', 'SaltyRTC']);
    expect(libraries(3008)).toEqual(['SaltyRTC']);
    expect(libraries(3009)).toEqual([]);
    expect(libraryUses(1002)[0]?.meaning).toContain('Connection interrupted');
  });

  it('says sockjs-client 2000 and 2007 are not WebSocket codes', () => {
    expect(libraryUses(2000)[0]?.note).toContain('not a WebSocket close code');
    expect(libraryUses(2007)[0]?.meaning).toBe('transport timeout');
  });

  it('knows which libraries send 1011', () => {
    expect(libraries(1011)).toEqual(['SignalR server', 'python-websockets']);
  });

  it('claims nothing outside what close-codes.md lists', () => {
    for (const code of [1000, 1006, 3011, 4100, 4600, 4999, 5000]) expect(libraryUses(code)).toEqual([]);
  });
});

describe('formatting', () => {
  it('writes a sentence for causes and a short form for summaries', () => {
    const [use] = libraryUses(4401);
    expect(describeUse(use!)).toMatch(/^graphql-ws: unauthorized \(.*\)\.$/);
    expect(shortUse(use!)).toBe('graphql-ws (unauthorized)');
    const [twitch] = libraryUses(4007).filter((u) => u.library === 'Twitch EventSub');
    expect(describeUse(twitch!)).toBe('Twitch EventSub uses this code.');
    expect(shortUse(twitch!)).toBe('Twitch EventSub');
  });
});
