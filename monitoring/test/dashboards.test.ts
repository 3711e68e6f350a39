import { describe, expect, it } from 'vitest';
import { ROWS, overviewDashboard } from '../dashboards/scrapekit-overview.js';

const JSON_FILE = new URL('../dashboards/scrapekit-overview.json', import.meta.url);

describe('the scrapekit overview dashboard', () => {
  it('the checked-in JSON is what the code builds (regenerate with `npm run dashboards`)', async () => {
    await expect(`${JSON.stringify(overviewDashboard(), null, 2)}\n`).toMatchFileSnapshot(JSON_FILE.pathname);
  });

  it('has one row per exporter and every panel queries through the data source variable', () => {
    const model = overviewDashboard() as { uid: string; panels: Array<{ type: string; title: string; datasource?: { uid: string }; targets?: Array<{ expr: string }> }> };
    expect(model.uid).toBe('scrapekit-overview');
    expect(model.panels.filter((p) => p.type === 'row').map((p) => p.title)).toEqual(ROWS.map((r) => r.title));
    const panels = model.panels.filter((p) => p.type !== 'row');
    expect(panels.map((p) => p.title)).toEqual(ROWS.flatMap((r) => r.panels.map((p) => p.title)));
    for (const p of panels) {
      expect(p.datasource?.uid, p.title).toBe('${datasource}');
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
    }
  });
});
