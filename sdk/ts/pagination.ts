/**
 * @module sdk/pagination
 * Async iteration over the platform's cursor pages. Every list answers
 * `{data, page: {limit, next_cursor, has_more}}`; the iterator asks for the
 * next page only when the caller has used up the current one, so breaking out
 * of a `for await` early costs no extra request.
 */
import type { Page } from "./api-types.ts";
import type { Query, Transport } from "./http.ts";

export type PageFetcher<T> = (cursor: string | undefined) => Promise<Page<T>>;

/** Yields every page, first to last. */
export async function* pages<T>(fetchPage: PageFetcher<T>): AsyncGenerator<Page<T>, void> {
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    yield page;
    if (!page.page.has_more || !page.page.next_cursor) return;
    cursor = page.page.next_cursor;
  }
}

/** Yields every item of every page, in the list's order (newest first). */
export async function* items<T>(fetchPage: PageFetcher<T>): AsyncGenerator<T, void> {
  for await (const page of pages(fetchPage)) yield* page.data;
}

/** Collects an async iterable into an array (for small lists). */
export async function collect<T>(iterable: AsyncIterable<T>, max = Infinity): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) {
    if (out.length >= max) break;
    out.push(item);
  }
  return out;
}

/** Every item of a list endpoint, fetched `pageSize` at a time as they are consumed. */
export function listAll<T>(
  transport: Transport,
  path: string,
  query: Query = {},
  options: { pageSize?: number; signal?: AbortSignal } = {},
): AsyncGenerator<T, void> {
  const limit = options.pageSize ?? 100;
  return items((cursor) =>
    transport.json<Page<T>>({
      method: "GET",
      path,
      query: { ...query, limit, cursor },
      idempotent: true,
      signal: options.signal,
    }),
  );
}
