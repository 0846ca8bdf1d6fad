// The automatic backup timer a door starts: once at start, then every interval, never two at once,
// failures logged in Dutch and never thrown.
import { describe, it, expect, vi, afterEach } from 'vitest';
import { startAutomaticBackups } from '../../src/main/backup/backupTimer';
import type { Result } from '../../src/shared/api/result';

afterEach(() => vi.useRealTimers());

describe('startAutomaticBackups', () => {
  it('asks at start and every hour, one at a time, and logs failures', async () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const logs: string[] = [];
    let release: (r: Result<unknown>) => void = () => {};
    const invoke = (method: string) => {
      calls.push(method);
      return new Promise<Result<unknown>>((res) => (release = res));
    };
    const stop = startAutomaticBackups(invoke, (m) => logs.push(m), 1000);
    expect(calls).toEqual(['trust.backupIfDue']);
    await vi.advanceTimersByTimeAsync(1000); // the first is still running: no second one
    expect(calls).toHaveLength(1);
    release({ ok: false, error: { code: 'DATABASE', message: 'De map is niet bereikbaar.' } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(logs).toEqual(['Automatische reservekopie mislukt: De map is niet bereikbaar.']);
    expect(calls).toHaveLength(2);
    release({ ok: true, value: { gemaakt: true } });
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(2);
  });
});
