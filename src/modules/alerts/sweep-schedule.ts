/**
 * The server's sweep schedule. `SWEEP_INTERVAL_MINUTES`: unset → once a day at 02:30 Europe/London (a
 * quiet hour); a whole number N → every N minutes; `0` or `off` → never (tests, or a deployment that runs
 * `aftercare sweep` from cron instead). With several nodes every node schedules it and the advisory lock
 * lets one run; the others log that a sweep was already running. Timers are unref'd so they never keep
 * the process alive.
 */
import type { Logger } from 'pino';
import { todayInLondon } from '../../domain/calendar/civil-date.ts';
import type { AlertsService } from './service.ts';

export type SweepSchedule = { kind: 'off' } | { kind: 'every'; minutes: number } | { kind: 'daily'; hour: number; minute: number };

export function sweepScheduleFrom(env: NodeJS.ProcessEnv): SweepSchedule {
  const raw = env.SWEEP_INTERVAL_MINUTES?.trim();
  if (env.NODE_ENV === 'test' || raw === '0' || raw?.toLowerCase() === 'off') return { kind: 'off' };
  if (raw === undefined || raw === '') return { kind: 'daily', hour: 2, minute: 30 };
  const minutes = Number(raw);
  if (!Number.isInteger(minutes) || minutes < 1) throw new Error(`SWEEP_INTERVAL_MINUTES must be a whole number of minutes, 0 or "off"; got "${raw}"`);
  return { kind: 'every', minutes };
}

/** Milliseconds from `now` to the next 02:30 (or the given time) in Europe/London. */
export function msUntilDaily(now: Date, hour: number, minute: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const secondsNow = Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
  let wait = hour * 3600 + minute * 60 - secondsNow;
  if (wait <= 0) wait += 86_400;
  return wait * 1000;
}

export function startSweepSchedule(alerts: AlertsService, logger: Logger, env: NodeJS.ProcessEnv = process.env): { stop(): void } {
  const schedule = sweepScheduleFrom(env);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = async () => {
    try {
      const result = await alerts.sweep({ asOf: todayInLondon() });
      if (result.status === 'busy') logger.info('sweep: another node is sweeping');
      else logger.info({ ...result }, 'sweep done');
    } catch (error) {
      logger.error({ err: error }, 'sweep failed');
    }
  };
  const next = () => {
    if (stopped || schedule.kind === 'off') return;
    const wait = schedule.kind === 'every' ? schedule.minutes * 60_000 : msUntilDaily(new Date(), schedule.hour, schedule.minute);
    timer = setTimeout(() => void run().finally(next), wait);
    timer.unref();
  };
  next();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
