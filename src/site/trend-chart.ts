/**
 * The geometry of the trend charts, drawn at build time as inline SVG: a bar chart for a term's
 * page and a sparkline per term on a taxonomy's page. Pure; the .astro components only place
 * what these return. Coordinates are whole numbers of a small viewBox, so the markup stays a
 * few bytes per period (term pages are many), and the shapes are filled or stroked with
 * `currentColor`, so CSS colours them and dark mode follows.
 */

/** A bar chart: an SVG `viewBox` of `width` × `height`, and one path holding every bar. */
export interface BarChart {
  readonly width: number;
  readonly height: number;
  /** Path data: one closed rectangle per period with papers, standing on the bottom edge. */
  readonly path: string;
}

/** A sparkline: an SVG `viewBox` of `width` × `height`, and the points of one polyline. */
export interface Sparkline {
  readonly width: number;
  readonly height: number;
  /** `x,y` pairs, one per period, left to right. */
  readonly points: string;
}

/** Bar chart sizes in viewBox units; `bar` + `gap` per period. */
export interface BarChartSize {
  readonly bar: number;
  readonly gap: number;
  readonly height: number;
}

/**
 * Bars for `periods` periods: wide when there are few (four weeks should not be a smudge in
 * the corner), narrower as they grow, about 600 px for 26 weeks, 48 high; past 40 periods the
 * chart is wider than the column and shrinks to it.
 */
export function barChartSize(periods: number): BarChartSize {
  const slot = Math.min(40, Math.max(15, Math.floor(600 / Math.max(1, periods))));
  const gap = Math.max(3, Math.round(slot / 5));
  return { bar: slot - gap, gap, height: 48 };
}

/**
 * Bars for `counts`, scaled so the largest fills the height. A period with any papers is at
 * least 1 high, so a small count never looks like none; an empty period draws nothing.
 */
export function barChart(counts: readonly number[], size: BarChartSize = barChartSize(counts.length)): BarChart {
  const { bar, gap, height } = size;
  const most = Math.max(0, ...counts);
  const path = counts
    .map((count, index) => {
      if (count <= 0) return '';
      const high = Math.max(1, Math.round((count / most) * height));
      return `M${index * (bar + gap)} ${height}v-${high}h${bar}v${high}z`;
    })
    .join('');
  return { width: Math.max(0, counts.length * (bar + gap) - gap), height, path };
}

/** Sparkline sizes in viewBox units: `step` between periods, `height` in all. */
export interface SparklineSize {
  readonly step: number;
  readonly height: number;
}

/** 4 apart and 16 high: a line about as tall as the text beside it. */
export const SPARKLINE_SIZE: SparklineSize = { step: 4, height: 16 };

/**
 * A line through `counts`, scaled so the largest touches the top and zero the bottom, with a
 * unit of room at both so a stroke is not cut off. Null for fewer than two periods: one point
 * draws no line.
 */
export function sparkline(counts: readonly number[], size: SparklineSize = SPARKLINE_SIZE): Sparkline | null {
  if (counts.length < 2) return null;
  const { step, height } = size;
  const most = Math.max(1, ...counts);
  const points = counts
    .map((count, index) => `${index * step},${height - 1 - Math.round((Math.max(0, count) / most) * (height - 2))}`)
    .join(' ');
  return { width: (counts.length - 1) * step, height, points };
}
