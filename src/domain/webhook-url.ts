/**
 * @module webhook-url
 * Which URLs a customer may register as a webhook endpoint. The platform sends
 * signed POSTs to them, so a URL that reaches a private network, the host's
 * loopback or a cloud metadata address would turn our sender into the
 * customer's proxy (SSRF). The policy: `https`, a public host name or a
 * public IP literal, no credentials, and port 443 or any port from 1024 up.
 *
 * Host spellings are not reparsed here: the WHATWG URL parser already turns
 * `2130706433`, `0177.0.0.1`, `0x7f.1`, `127.1`, percent-encoded and
 * full-width digits into dotted IPv4, and IPv6 into compressed hex groups,
 * so the checks read `new URL(...).hostname`.
 *
 * Ports below 1024 other than 443 are refused because they belong to other
 * protocols (SSH, SMTP, databases on their defaults); a receiver on a
 * non-default HTTPS port runs above 1024.
 *
 * Names are not resolved: a public name that points at a private address
 * passes. On Cloudflare's network a Worker's `fetch` cannot reach private
 * addresses, which closes that gap there.
 * TODO(if the Worker ever runs outside Cloudflare's network): resolve the
 * name (DNS over HTTPS) before each delivery and apply `classifyIp` to every
 * address.
 */
import { ApiError } from "./errors";

export type WebhookUrlReason =
  | "invalid_url"
  | "scheme_not_https"
  | "credentials"
  | "port_not_allowed"
  | "localhost"
  | "reserved_name"
  | "single_label"
  | IpReason;

export type IpReason =
  | "ip_unspecified"
  | "ip_loopback"
  | "ip_private"
  | "ip_link_local"
  | "ip_cgnat"
  | "ip_multicast"
  | "ip_broadcast"
  | "ip_documentation"
  | "ip_benchmark"
  | "ip_reserved"
  | "ip_ipv4_translation";

export interface WebhookUrlPolicy {
  /** Local development only: accept `http(s)://localhost`, `127.0.0.1` and `[::1]`. */
  allowLocalhost: boolean;
}

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** Suffixes that never name a host on the public Internet. */
const RESERVED_SUFFIXES = [
  "localhost",
  "local",
  "internal",
  "localdomain",
  "lan",
  "home.arpa",
  "arpa",
  "test",
  "invalid",
  "example",
  "onion",
  "intranet",
  "corp",
  "home",
  "private",
];

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Returns the normalized URL to store, or throws `WEBHOOK_INVALID_URL` whose
 * `details.reason` names the rule that refused it.
 */
export function checkWebhookUrl(raw: string, policy: WebhookUrlPolicy): string {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) {
    throw refuse("invalid_url", `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse("invalid_url", "is not an absolute URL");
  }

  if (url.username || url.password) {
    throw refuse("credentials", "must not contain a user name or password");
  }

  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (policy.allowLocalhost && LOOPBACK_HOSTS.has(host)) {
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw refuse("scheme_not_https", "must use https (or http for localhost in development)");
    }
    url.hash = "";
    return url.href;
  }

  if (url.protocol !== "https:") throw refuse("scheme_not_https", "must use https");
  checkPort(url.port);
  checkHost(host);

  url.hash = "";
  return url.href;
}

function checkPort(port: string): void {
  // The parser drops the default port, so an empty string means 443.
  if (port === "") return;
  const n = Number(port);
  if (n < 1024) {
    throw refuse("port_not_allowed", `must use port 443 or a port from 1024 up, not ${port}`);
  }
}

function checkHost(host: string): void {
  if (host.startsWith("[")) {
    const reason = classifyIpv6(host.slice(1, -1));
    if (reason) throw refuse(reason, ipMessage(reason, host));
    return;
  }

  const ipv4 = parseDottedIpv4(host);
  if (ipv4 !== null) {
    const reason = classifyIpv4(ipv4);
    if (reason) throw refuse(reason, ipMessage(reason, host));
    return;
  }

  if (host === "localhost" || host.endsWith(".localhost")) {
    throw refuse("localhost", "must not point at localhost");
  }
  const suffix = RESERVED_SUFFIXES.find((s) => host === s || host.endsWith(`.${s}`));
  if (suffix) {
    throw refuse("reserved_name", `must use a public host name, not one under .${suffix}`);
  }
  const labels = host.split(".");
  if (labels.length < 2 || labels.some((l) => l === "")) {
    throw refuse("single_label", "must use a fully qualified public host name");
  }
  // The parser turns a numeric last label into IPv4 or rejects the URL; this
  // guards against a parser that does neither.
  if (/^(0x[0-9a-f]*|\d+)$/.test(labels.at(-1) ?? "")) {
    throw refuse("invalid_url", "has a numeric host that is not a valid IPv4 address");
  }
}

function refuse(reason: WebhookUrlReason, why: string): ApiError {
  return new ApiError("WEBHOOK_INVALID_URL", `The webhook URL ${why}`, { reason });
}

const IP_WORDS: Record<IpReason, string> = {
  ip_unspecified: "an unspecified address",
  ip_loopback: "a loopback address",
  ip_private: "a private-network address",
  ip_link_local: "a link-local address",
  ip_cgnat: "a carrier-grade NAT address (100.64.0.0/10)",
  ip_multicast: "a multicast address",
  ip_broadcast: "the broadcast address",
  ip_documentation: "a documentation address",
  ip_benchmark: "a benchmarking address (198.18.0.0/15)",
  ip_reserved: "a reserved address",
  ip_ipv4_translation: "an IPv6 address that embeds an IPv4 address",
};

function ipMessage(reason: IpReason, host: string): string {
  return `must point at a public host; ${host} is ${IP_WORDS[reason]}`;
}

/** Dotted-decimal IPv4 (the parser's serialization) as a 32-bit number. */
export function parseDottedIpv4(host: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return parts.reduce((acc, p) => acc * 256 + p, 0);
}

/** [first address, prefix length, reason]; more specific ranges first. */
const IPV4_RANGES: [string, number, IpReason][] = [
  ["255.255.255.255", 32, "ip_broadcast"],
  ["0.0.0.0", 8, "ip_unspecified"],
  ["10.0.0.0", 8, "ip_private"],
  ["100.64.0.0", 10, "ip_cgnat"],
  ["127.0.0.0", 8, "ip_loopback"],
  ["169.254.0.0", 16, "ip_link_local"],
  ["172.16.0.0", 12, "ip_private"],
  ["192.0.0.0", 24, "ip_reserved"],
  ["192.0.2.0", 24, "ip_documentation"],
  ["192.31.196.0", 24, "ip_reserved"],
  ["192.52.193.0", 24, "ip_reserved"],
  ["192.88.99.0", 24, "ip_reserved"],
  ["192.168.0.0", 16, "ip_private"],
  ["192.175.48.0", 24, "ip_reserved"],
  ["198.18.0.0", 15, "ip_benchmark"],
  ["198.51.100.0", 24, "ip_documentation"],
  ["203.0.113.0", 24, "ip_documentation"],
  ["224.0.0.0", 4, "ip_multicast"],
  ["240.0.0.0", 4, "ip_reserved"],
];

const IPV4_TABLE = IPV4_RANGES.map(([first, bits, reason]) => ({
  first: parseDottedIpv4(first) ?? 0,
  size: 2 ** (32 - bits),
  reason,
}));

/** Why an IPv4 address is not public, or null when it is. */
export function classifyIpv4(address: number): IpReason | null {
  const hit = IPV4_TABLE.find((r) => address >= r.first && address < r.first + r.size);
  return hit?.reason ?? null;
}

/** Why an IPv6 address (without brackets) is not public, or null when it is. */
export function classifyIpv6(text: string): IpReason | null {
  const g = parseIpv6(text);
  if (!g) return "ip_reserved";
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  const embedded = () => ((g[6] ?? 0) * 65536 + (g[7] ?? 0)) >>> 0;
  const g0 = g[0] ?? 0;

  if (zeroUpTo(8)) return "ip_unspecified";
  if (zeroUpTo(7) && g[7] === 1) return "ip_loopback";
  // ::a.b.c.d (compatible), ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (translated)
  if (zeroUpTo(5) && (g[5] === 0 || g[5] === 0xffff)) return viaIpv4(embedded());
  if (zeroUpTo(4) && g[4] === 0xffff && g[5] === 0) return viaIpv4(embedded());
  // NAT64: 64:ff9b::/96 (well-known) and 64:ff9b:1::/48 (local use)
  if (g0 === 0x64 && g[1] === 0xff9b && (g.slice(2, 6).every((x) => x === 0) || g[2] === 1)) {
    return viaIpv4(embedded());
  }
  // 6to4 carries the IPv4 address in bits 16 to 48.
  if (g0 === 0x2002) return viaIpv4(((g[1] ?? 0) * 65536 + (g[2] ?? 0)) >>> 0);
  if (g0 === 0x2001 && g[1] === 0x0db8) return "ip_documentation";
  if (g0 === 0x2001 && g[1] === 0) return "ip_ipv4_translation"; // Teredo
  if (g0 === 0x2001 && (g[1] ?? 0) < 0x200) return "ip_reserved"; // IETF protocol assignments
  if (g0 === 0x3fff && (g[1] ?? 0) < 0x1000) return "ip_documentation"; // 3fff::/20
  if ((g0 & 0xfe00) === 0xfc00) return "ip_private"; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return "ip_link_local";
  if ((g0 & 0xffc0) === 0xfec0) return "ip_private"; // deprecated site-local
  if ((g0 & 0xff00) === 0xff00) return "ip_multicast";
  // Everything outside global unicast 2000::/3 is unassigned or special.
  if ((g0 & 0xe000) !== 0x2000) return "ip_reserved";
  if (g0 === 0x5f00) return "ip_reserved";
  return null;
}

/** An embedded IPv4 keeps its own reason when it has one. */
function viaIpv4(address: number): IpReason {
  return classifyIpv4(address) ?? "ip_ipv4_translation";
}

/** Eight 16-bit groups, accepting `::` and a dotted IPv4 tail. */
export function parseIpv6(text: string): number[] | null {
  let body = text.toLowerCase();
  const tail: number[] = [];
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (dotted) {
    const v4 = parseDottedIpv4(dotted[1] ?? "");
    if (v4 === null) return null;
    tail.push(v4 >>> 16, v4 & 0xffff);
    // Keep a `::` that ran into the IPv4 part ("::ffff:1.2.3.4", "::1.2.3.4").
    body = body.slice(0, dotted.index);
    if (body.endsWith(":")) body = `${body}:`;
  }

  const halves = body.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groups(halves[0] ?? "");
  const rest = halves.length === 2 ? groups(halves[1] ?? "") : [];
  const width = 8 - tail.length;
  const missing = width - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;

  const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (all.some((x) => !/^[0-9a-f]{1,4}$/.test(x))) return null;
  return [...all.map((x) => Number.parseInt(x, 16)), ...tail];
}
