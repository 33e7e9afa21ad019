// A small React wrapper over uPlot (canvas; ~50 kB): one chart of a few series over UTC days. The
// canvas is hidden from assistive technology; the same numbers are in a visually hidden table
// right after it, and the figure's caption names the chart. Colours come from the theme's CSS
// variables and are read again when the theme changes.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatNumber } from '@/lib/format';

export type ChartSeries = { label: string; values: (number | null)[]; colour: string };

const cssVar = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
/** `--chart-1` or a literal colour. */
const colour = (c: string) => (c.startsWith('--') ? cssVar(c) : c);
const HEIGHT = 220;

function options(width: number, series: ChartSeries[]): uPlot.Options {
  const text = cssVar('--muted');
  const grid = cssVar('--border');
  const axis: uPlot.Axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  return {
    width,
    height: HEIGHT,
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { range: (_u, min, max) => [0, Math.max(1, max, min)] } },
    axes: [{ ...axis }, { ...axis, values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? formatNumber(t) : '')) }],
    series: [
      { label: 'Day', value: (_u, v) => (v == null ? '' : new Date(v * 1000).toISOString().slice(0, 10)) },
      ...series.map<uPlot.Series>((s) => ({
        label: s.label,
        stroke: colour(s.colour),
        width: 2,
        points: { show: true, size: 6, fill: colour(s.colour) },
        value: (_u, v) => (v == null ? '–' : formatNumber(v)),
      })),
    ],
  };
}

export function TimeChart(props: { title: string; description: string; days: string[]; series: ChartSeries[]; empty: string }) {
  const { days, series } = props;
  const box = useRef<HTMLDivElement>(null);
  const hasData = days.length > 0 && series.length > 0;

  useEffect(() => {
    const el = box.current;
    if (!el || !hasData) return;
    const xs = days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
    const data: uPlot.AlignedData = [xs, ...series.map((s) => s.values)];
    let chart = new uPlot(options(el.clientWidth || 600, series), data, el);
    // A new theme: build the chart again with its colours.
    const themeWatch = new MutationObserver(() => {
      chart.destroy();
      chart = new uPlot(options(el.clientWidth || 600, series), data, el);
    });
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const resize = new ResizeObserver(() => chart.setSize({ width: el.clientWidth || 600, height: HEIGHT }));
    resize.observe(el);
    return () => {
      themeWatch.disconnect();
      resize.disconnect();
      chart.destroy();
    };
  }, [days, series, hasData]);

  return (
    <figure className="chart">
      <figcaption>
        <strong>{props.title}</strong> <span className="muted small">{props.description}</span>
      </figcaption>
      {hasData ? (
        <>
          <div ref={box} className="chart-canvas" aria-hidden="true" />
          <table className="visually-hidden" aria-label={`${props.title}: the numbers`}>
            <thead>
              <tr>
                <th scope="col">Day</th>
                {series.map((s) => (
                  <th scope="col" key={s.label}>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((d, i) => (
                <tr key={d}>
                  <th scope="row">{d}</th>
                  {series.map((s) => (
                    <td key={s.label}>{s.values[i] == null ? '–' : formatNumber(s.values[i]!)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted chart-empty">{props.empty}</p>
      )}
    </figure>
  );
}
