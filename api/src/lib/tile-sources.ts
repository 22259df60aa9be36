// CSP host sources for tile URL templates: the map's tiles are the only images from other hosts.

/**
 * The scheme and host of each template, with a `{s}`-style subdomain label widened to `*`
 * (CSP wildcards stand for whole leftmost labels). Templates that are not absolute URLs are left out.
 * @example tileSources(['https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png']) // ['https://*.tile.openstreetmap.org']
 */
export function tileSources(templates: readonly string[]): string[] {
  const sources = new Set<string>();
  for (const template of templates) {
    const m = /^(https?):\/\/([^/?#]+)/i.exec(template);
    if (!m) continue;
    const [, scheme, authority] = m as unknown as [string, string, string];
    const labels = authority.split('.');
    // A placeholder anywhere in a label makes it variable; only a leftmost variable label can be a wildcard.
    const variable = labels.map((l) => l.includes('{'));
    if (variable.slice(1).some(Boolean)) continue;
    if (variable[0]) labels[0] = '*';
    sources.add(`${scheme.toLowerCase()}://${labels.join('.').toLowerCase()}`);
  }
  return [...sources];
}
