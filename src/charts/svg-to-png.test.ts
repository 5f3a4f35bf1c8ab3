import { describe, expect, it } from 'vitest';
import { composeExportSvg, escapeXml, pngFileName, svgDataUrl } from './svg-to-png';

describe('chart picture export', () => {
  const panel = { markup: '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><path d="M0 0L10 10"/></svg>', x: 0, y: 0, width: 400, height: 300 };

  it('composes one SVG of explicit size with a background, the title, the panels and the legend', () => {
    const { markup, width, height } = composeExportSvg({
      title: 'Consumer lag <next 6 h> & "more"',
      panels: [panel, { ...panel, x: 420 }],
      legend: [
        { label: 'Model', color: '#2563eb' },
        { label: 'Baseline', color: '#64748b', dashed: true },
        { label: 'Ingress', color: '#0d9488', square: true },
      ],
      background: '#ffffff',
      textColor: '#0f172a',
    });
    expect(width).toBe(820 + 32);
    expect(height).toBeGreaterThan(300);
    expect(markup.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"`)).toBe(true);
    expect(markup).toContain(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
    expect(markup).toContain('Consumer lag &lt;next 6 h&gt; &amp; &quot;more&quot;');
    expect(markup).toContain('translate(436 ');
    expect(markup).toContain('stroke-dasharray="6 4"');
    expect(markup).toContain('>Baseline</text>');
    expect(markup).toMatch(/<rect x="[\d.]+" y="[\d.]+" width="12" height="12" rx="2" fill="#0d9488"\/>/);
    expect(markup.match(/<path d="M0 0L10 10"\/>/g)).toHaveLength(2);
  });

  it('escapes markup characters and names files safely', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(pngFileName('lag')).toBe('eventflow-lag.png');
    expect(pngFileName('Sensitivity / rate')).toBe('eventflow-sensitivity-rate.png');
    expect(svgDataUrl('<svg/>')).toBe('data:image/svg+xml;charset=utf-8,%3Csvg%2F%3E');
  });
});
