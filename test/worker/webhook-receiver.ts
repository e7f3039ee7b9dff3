/**
 * A stand-in for a customer's webhook receiver. The Worker and its Durable
 * Objects share the tests' isolate, so replacing `globalThis.fetch` catches
 * the sender's outbound requests without any network.
 */
import { vi } from "vitest";

export interface ReceivedRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  redirect: RequestInit["redirect"];
}

/** An answer: a status code, or an error thrown as a network failure would be. */
export type Answer = number | Error;

/**
 * Answers the sender's requests in order with `answers`, then with `then`
 * (200 unless told). A 3xx answer points at the cloud metadata address.
 */
export function fakeReceiver(answers: Answer[] = [], then: Answer = 200) {
  const queue = [...answers];
  const received: ReceivedRequest[] = [];

  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    received.push({
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
      redirect: init?.redirect,
    });

    const answer = queue.shift() ?? then;
    if (answer instanceof Error) throw answer;
    const headers = new Headers();
    if (answer >= 300 && answer < 400) {
      headers.set("Location", "https://169.254.169.254/latest/meta-data/");
    }
    const empty = answer === 204 || (answer >= 300 && answer < 400);
    return new Response(empty ? null : "ok", { status: answer, headers });
  });

  return { received };
}
