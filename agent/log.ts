/**
 * @module agent/log
 * The agent's operator log: one structured line per state change (connected,
 * unit accepted, unit finished, node draining). `json` writes JSON lines with
 * a level, a short lowercase event name, a human sentence (`msg`, see i18n)
 * and the fields; `text` writes the same as one readable line for a terminal.
 */
export type Level = "debug" | "info" | "warn" | "error";
export type LogFormat = "json" | "text";

export interface Logger {
  log(level: Level, event: string, fields?: Record<string, unknown>, msg?: string): void;
}

export function createLogger(
  format: LogFormat,
  write: (line: string, level: Level) => void = writeConsole,
): Logger {
  return {
    log(level, event, fields = {}, msg) {
      const time = new Date().toISOString();
      if (format === "json") {
        const body = msg === undefined ? { ...fields } : { msg, ...fields };
        write(JSON.stringify({ level, event, time, ...body }), level);
        return;
      }
      const pairs = Object.entries(fields)
        .filter(([, value]) => value !== undefined)
        .map(
          ([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`,
        );
      const parts = [time.slice(11, 19), level.toUpperCase().padEnd(5), event, msg, ...pairs];
      write(parts.filter((part) => part !== undefined && part !== "").join(" "), level);
    },
  };
}

/** A logger that drops everything; tests pass it where logs would be noise. */
export const silentLogger: Logger = { log() {} };

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function writeConsole(line: string, level: Level): void {
  if (level === "warn" || level === "error") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}
