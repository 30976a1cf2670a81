import { describe, expect, it } from 'vitest';
import { hostileName } from '../sample-identification-report.ts';
import { barChartPng, barChartSvg, lineChartPng, lineChartSvg, pngSize } from './render-chart.ts';

// Small pictures: the layout is the same at any size, and resvg rasterises 400 px in a few milliseconds.
const small = { width: 400, height: 200 };

/** The signature and the IHDR chunk read by hand, so the test does not trust pngSize to check pngSize. */
function header(png: Uint8Array) {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return {
    signature: [...png.subarray(0, 8)],
    chunk: new TextDecoder().decode(png.subarray(12, 16)),
    width: view.getUint32(16),
    height: view.getUint32(20),
  };
}
const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const municipalities = {
  title: 'Исполнение мероприятий по муниципальным образованиям, %',
  categories: ['Балтийский городской округ', 'Гвардейский муниципальный округ', 'Гурьевский муниципальный округ'],
  values: [36.8, 25, 46.2],
  unit: '%',
  threshold: { min: 30, max: 40 },
};

describe('barChartPng', () => {
  it('gives a PNG of the requested size', () => {
    for (const size of [small, { width: 777, height: 451 }]) {
      const h = header(barChartPng({ ...municipalities, ...size }));
      expect(h).toEqual({ signature: pngSignature, chunk: 'IHDR', ...size });
    }
  });

  it('is as tall as its bars need when no height is given', () => {
    // At 400 px wide, a quarter of the default 1600: the layout is the same, only the pixels differ.
    const three = pngSize(barChartPng({ ...municipalities, width: 400 }));
    const six = pngSize(
      barChartPng({
        ...municipalities,
        width: 400,
        categories: [...municipalities.categories, 'а', 'б', 'в'],
        values: [1, 2, 3, 4, 5, 6],
      }),
    );
    expect(three.width).toBe(400);
    expect(six.height).toBeGreaterThan(three.height);
  });

  it('draws Cyrillic letters as glyphs: two titles differing only in letters give different pictures', () => {
    // Without a font for Cyrillic both titles would come out as the same empty boxes (or nothing at all).
    const zhe = barChartPng({ ...municipalities, ...small, title: 'ЖЖЖЖЖЖ' });
    const shcha = barChartPng({ ...municipalities, ...small, title: 'ЩЩЩЩЩЩ' });
    expect(Buffer.from(zhe).equals(Buffer.from(shcha))).toBe(false);
  });

  it('labels the bars and the threshold with decimal commas, and says what the dashed lines are', () => {
    const svg = barChartSvg({ ...municipalities, values: [36.84, 25, 46.15] });
    for (const text of ['36,8 %', '25 %', '46,2 %', '30 %', '40 %', 'пунктир — пороговое значение 30–40 %']) {
      expect(svg).toContain(`>${text}<`);
    }
    expect(svg).toContain('Гвардейский');
    expect(svg).not.toContain('<animate');
  });

  it('keeps a hostile name as text, escaped in the SVG, and still renders', () => {
    const chart = { ...municipalities, categories: [hostileName, 'б', 'в'] };
    const svg = barChartSvg(chart);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(header(barChartPng({ ...chart, ...small })).width).toBe(400);
  });

  it('runs a percentage axis to 100, and beyond only for a share above it', () => {
    const ticks = (values: number[]) =>
      [...barChartSvg({ ...municipalities, threshold: null, values }).matchAll(/>(\d+)</g)].map((m) => Number(m[1]));
    expect(Math.max(...ticks([36.8, 25, 46.2]))).toBe(100);
    expect(Math.max(...ticks([36.8, 25, 130]))).toBe(130);
  });

  it('draws no threshold marks without a threshold', () => {
    const svg = barChartSvg({ ...municipalities, threshold: null });
    expect(svg).not.toContain('пороговое значение');
    expect(svg).not.toContain('>30 %<');
  });

  it('refuses mismatched data and sizes that are not whole pixels', () => {
    expect(() => barChartPng({ ...municipalities, values: [1] })).toThrow(RangeError);
    expect(() => barChartPng({ ...municipalities, width: 50, height: 200 })).toThrow(RangeError);
    expect(() => barChartPng({ ...municipalities, width: 400.5, height: 200 })).toThrow(RangeError);
  });
});

describe('lineChartPng', () => {
  const trend = {
    title: 'Динамика исполнения мероприятий, %',
    dates: ['2023-03-31', '2023-06-30', '2023-11-30'],
    values: [12.5, (11 / 30) * 100, null],
    unit: '%',
    threshold: { min: 30, max: 40 },
  };

  it('gives a PNG of the requested size, 1600 × 720 by default', () => {
    expect(header(lineChartPng({ ...trend, ...small }))).toEqual({ signature: pngSignature, chunk: 'IHDR', ...small });
    expect(pngSize(lineChartPng(trend))).toEqual({ width: 1600, height: 720 });
  });

  it('dates the rounds as ДД.ММ.ГГГГ and labels the points, leaving a round without a value blank', () => {
    const svg = lineChartSvg(trend);
    for (const text of ['31.03.2023', '30.06.2023', '30.11.2023', '12,5 %', '36,7 %'])
      expect(svg).toContain(`>${text}<`);
    expect(svg).not.toContain('2023-03-31');
    expect(svg).not.toContain('NaN');
  });
});

describe('pngSize', () => {
  it('refuses what is not a PNG', () => {
    expect(() => pngSize(new TextEncoder().encode('GIF89a and more bytes to pass'))).toThrow(RangeError);
  });
});
