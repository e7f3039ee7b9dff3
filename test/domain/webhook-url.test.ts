import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/domain/errors";
import { checkWebhookUrl, type WebhookUrlReason } from "../../src/domain/webhook-url";

const production = { allowLocalhost: false };
const development = { allowLocalhost: true };

function refusal(url: string, policy = production): ApiError {
  try {
    checkWebhookUrl(url, policy);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error(`${url} was accepted`);
}

/** SSRF spellings, each with the rule that must refuse it. */
const REFUSED: [string, WebhookUrlReason][] = [
  ["not a url", "invalid_url"],
  ["//hooks.example.com/x", "invalid_url"],
  [`https://hooks.example.com/${"a".repeat(2100)}`, "invalid_url"],
  ["http://hooks.example.com/x", "scheme_not_https"],
  ["ftp://hooks.example.com/x", "scheme_not_https"],
  ["file:///etc/passwd", "scheme_not_https"],
  ["javascript:alert(1)", "scheme_not_https"],
  ["https://user:secret@hooks.example.com/x", "credentials"],
  ["https://user@hooks.example.com/x", "credentials"],
  ["https://hooks.example.com:22/x", "port_not_allowed"],
  ["https://hooks.example.com:80/x", "port_not_allowed"],
  ["https://hooks.example.com:0/x", "port_not_allowed"],
  ["https://localhost/x", "localhost"],
  ["https://LOCALHOST./x", "localhost"],
  ["https://loCalhost%2e/x", "localhost"],
  ["https://api.localhost/x", "localhost"],
  ["https://printer.local/x", "reserved_name"],
  ["https://metadata.google.internal/x", "reserved_name"],
  ["https://router.home.arpa/x", "reserved_name"],
  ["https://wpad/x", "single_label"],
  ["https://intranet.corp/x", "reserved_name"],
  ["https://metadata/x", "single_label"],
  ["https://127.0.0.1/x", "ip_loopback"],
  ["https://127.255.255.254:8443/x", "ip_loopback"],
  ["https://2130706433/x", "ip_loopback"],
  ["https://0177.0.0.1/x", "ip_loopback"],
  ["https://0x7f.1/x", "ip_loopback"],
  ["https://127.1/x", "ip_loopback"],
  ["https://0x7f000001/x", "ip_loopback"],
  ["https://%31%32%37.0.0.1/x", "ip_loopback"],
  ["https://\uff11\uff12\uff17.\uff10.\uff10.\uff11/x", "ip_loopback"],
  ["https://127.0.0.1./x", "ip_loopback"],
  ["https://10.0.0.1/x", "ip_private"],
  ["https://172.16.5.4/x", "ip_private"],
  ["https://172.31.255.255/x", "ip_private"],
  ["https://192.168.1.1/x", "ip_private"],
  ["https://0xc0.0xa8.1.1/x", "ip_private"],
  ["https://3232235777/x", "ip_private"],
  ["https://169.254.169.254/latest/meta-data/", "ip_link_local"],
  ["https://0xa9fea9fe/x", "ip_link_local"],
  ["https://100.64.0.1/x", "ip_cgnat"],
  ["https://100.127.255.254/x", "ip_cgnat"],
  ["https://224.0.0.1/x", "ip_multicast"],
  ["https://239.255.255.250/x", "ip_multicast"],
  ["https://255.255.255.255/x", "ip_broadcast"],
  ["https://0.0.0.0/x", "ip_unspecified"],
  ["https://0/x", "ip_unspecified"],
  ["https://192.0.2.10/x", "ip_documentation"],
  ["https://198.51.100.7/x", "ip_documentation"],
  ["https://203.0.113.9/x", "ip_documentation"],
  ["https://198.18.0.1/x", "ip_benchmark"],
  ["https://198.19.255.1/x", "ip_benchmark"],
  ["https://240.0.0.1/x", "ip_reserved"],
  ["https://192.0.0.8/x", "ip_reserved"],
  ["https://192.88.99.1/x", "ip_reserved"],
  ["https://[::1]/x", "ip_loopback"],
  ["https://[0:0:0:0:0:0:0:1]/x", "ip_loopback"],
  ["https://[::]/x", "ip_unspecified"],
  ["https://[::ffff:127.0.0.1]/x", "ip_loopback"],
  ["https://[::ffff:7f00:1]/x", "ip_loopback"],
  ["https://[::ffff:169.254.169.254]/x", "ip_link_local"],
  ["https://[::ffff:10.0.0.1]/x", "ip_private"],
  ["https://[::ffff:0:7f00:1]/x", "ip_loopback"],
  ["https://[::127.0.0.1]/x", "ip_loopback"],
  ["https://[64:ff9b::10.0.0.1]/x", "ip_private"],
  ["https://[64:ff9b:1::a00:1]/x", "ip_private"],
  ["https://[64:ff9b::8.8.8.8]/x", "ip_ipv4_translation"],
  ["https://[::ffff:8.8.8.8]/x", "ip_ipv4_translation"],
  ["https://[2002:7f00:1::]/x", "ip_loopback"],
  ["https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/x", "ip_ipv4_translation"],
  ["https://[fc00::1]/x", "ip_private"],
  ["https://[fd12:3456:789a::1]/x", "ip_private"],
  ["https://[fec0::1]/x", "ip_private"],
  ["https://[fe80::1]/x", "ip_link_local"],
  ["https://[febf::1]/x", "ip_link_local"],
  ["https://[ff02::1]/x", "ip_multicast"],
  ["https://[2001:db8::1]/x", "ip_documentation"],
  ["https://[3fff::1]/x", "ip_documentation"],
  ["https://[100::1]/x", "ip_reserved"],
  ["https://[4000::1]/x", "ip_reserved"],
];

describe("webhook URL policy", () => {
  it("holds a corpus of at least forty refused spellings", () => {
    expect(REFUSED.length).toBeGreaterThanOrEqual(40);
  });

  it.each(REFUSED)("refuses %s as %s", (url, reason) => {
    const error = refusal(url);

    expect(error.code).toBe("WEBHOOK_INVALID_URL");
    expect(error.status).toBe(400);
    expect(error.details).toEqual({ reason });
  });

  it("names the rule in the message", () => {
    expect(refusal("https://0x7f.1/x").message).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(refusal("https://100.64.0.1/x").message).toMatch(/carrier-grade NAT/);
    expect(refusal("http://hooks.example.com/x").message).toMatch(/must use https/);
    expect(refusal("https://printer.local/x").message).toMatch(/\.local/);
  });

  it.each([
    ["https://hooks.example.com/gpu-agent", "https://hooks.example.com/gpu-agent"],
    ["https://Hooks.Example.com:443/x#frag", "https://hooks.example.com/x"],
    ["https://api.acme-ml.io:8443/hooks?t=1", "https://api.acme-ml.io:8443/hooks?t=1"],
    ["https://1.1.1.1:65535/x", "https://1.1.1.1:65535/x"],
    ["https://8.8.8.8/x", "https://8.8.8.8/x"],
    ["https://100.63.255.255/x", "https://100.63.255.255/x"],
    ["https://172.32.0.1/x", "https://172.32.0.1/x"],
    ["https://[2606:4700:4700::1111]/x", "https://[2606:4700:4700::1111]/x"],
    ["https://m\u00fcnchen.de/x", "https://xn--mnchen-3ya.de/x"],
  ])("accepts the public URL %s", (url, stored) => {
    expect(checkWebhookUrl(url, production)).toBe(stored);
  });

  it("refuses http://localhost unless local development allows it", () => {
    expect(refusal("http://localhost:8787/hooks").details).toEqual({ reason: "scheme_not_https" });
  });

  it.each([
    "http://localhost:8787/hooks",
    "http://127.0.0.1:3000/hooks",
    "http://[::1]:3000/hooks",
    "https://localhost/hooks",
  ])("accepts %s when local development allows localhost", (url) => {
    expect(checkWebhookUrl(url, development)).toBe(url);
  });

  it.each([
    ["http://hooks.example.com/x", "scheme_not_https"],
    ["http://10.0.0.1/x", "scheme_not_https"],
    ["https://192.168.1.1/x", "ip_private"],
    ["https://127.0.0.2/x", "ip_loopback"],
    ["https://api.localhost/x", "localhost"],
    ["http://user:pw@localhost:8787/x", "credentials"],
  ])("still refuses %s when localhost is allowed", (url, reason) => {
    expect(refusal(url, development).details).toEqual({ reason });
  });
});
