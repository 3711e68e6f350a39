export interface LandingPageInfo {
  readonly name: string;
  readonly description: string;
  readonly version: string;
  readonly metricsPath: string;
  readonly probe: boolean;
  readonly collectors: readonly string[];
  readonly info?: ReadonlyArray<readonly [string, string]>;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The small HTML page at `/`: name, version, a link to the metrics, enabled collectors. Never secrets. */
export function renderLandingPage(p: LandingPageInfo): string {
  const metricsHref = p.metricsPath.replace(/^\//, '');
  const rows = (p.info ?? []).map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>${esc(p.name)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0; }
header { background: #e6522c; color: #fff; padding: 0.8em 1.5em; }
main { padding: 1em 1.5em; }
th { text-align: left; padding-right: 1em; }
code { background: #f4f4f4; padding: 0 0.3em; }
</style>
</head>
<body>
<header><h1>${esc(p.name)}</h1></header>
<main>
<p>${esc(p.description)}</p>
<p>Version: <code>${esc(p.version)}</code></p>
<ul>
<li><a href="${esc(metricsHref)}">Metrics</a></li>${p.probe ? '\n<li>Multi-target: <code>probe?target=&lt;target&gt;</code></li>' : ''}
<li><a href="-/healthy">Health</a></li>
</ul>
${rows ? `<table>${rows}</table>` : ''}
<h2>Enabled collectors</h2>
<p>${p.collectors.map((c) => `<code>${esc(c)}</code>`).join(' ') || 'none'}</p>
</main>
</body>
</html>
`;
}
