/**
 * @module sdk/cli/context
 * What every command receives, and the small readers of its flags that turn
 * a wrong value into a usage error (exit 2) instead of an API round trip.
 */
import type { GpuAgent } from "../client.ts";
import { t } from "./i18n.ts";
import { type Output, UsageError } from "./output.ts";

export type OptionSpec = Record<
  string,
  { type: "string" | "boolean"; short?: string; multiple?: boolean }
>;

export interface Context {
  /** Made on first use, so commands that need no key (`config`) never ask for one. */
  readonly client: GpuAgent;
  env: NodeJS.ProcessEnv;
  output: Output;
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  signal?: AbortSignal;
}

export interface Command {
  options: OptionSpec;
  run: (context: Context) => Promise<number>;
}

export function stringFlag(context: Context, name: string): string | undefined {
  const value = context.values[name];
  return typeof value === "string" ? value : undefined;
}

export function requiredFlag(context: Context, name: string): string {
  const value = stringFlag(context, name);
  if (value === undefined || value === "")
    throw new UsageError(t("missing_option", { name: `--${name}` }));
  return value;
}

export function intFlag(context: Context, name: string, fallback?: number): number {
  const text = fallback === undefined ? requiredFlag(context, name) : stringFlag(context, name);
  if (text === undefined) return fallback!;
  if (!/^\d+$/.test(text))
    throw new UsageError(t("not_a_number", { name: `--${name}`, value: text }));
  return Number(text);
}

export function secondsFlag(context: Context, name: string, fallback: number): number {
  const text = stringFlag(context, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new UsageError(t("not_a_number", { name: `--${name}`, value: text }));
  }
  return value;
}

/** The one positional argument a command takes (a file, an id). */
export function onePositional(context: Context, what: string): string {
  const [value, ...extra] = context.positionals;
  if (!value) throw new UsageError(t("missing_option", { name: what }));
  if (extra.length > 0)
    throw new UsageError(t("bad_option", { reason: `unexpected ${extra.join(" ")}` }));
  return value;
}

export function noPositionals(context: Context): void {
  if (context.positionals.length > 0) {
    throw new UsageError(
      t("bad_option", { reason: `unexpected ${context.positionals.join(" ")}` }),
    );
  }
}

/** Upload progress on stderr, for people only. */
export function progressPrinter(context: Context) {
  if (context.output.json) return undefined;
  return ({ sentBytes, totalBytes }: { sentBytes: number; totalBytes: number }) => {
    const percent = Math.floor((sentBytes / totalBytes) * 100);
    context.output.err(t("uploading", { percent, sent: sentBytes, total: totalBytes }));
  };
}
