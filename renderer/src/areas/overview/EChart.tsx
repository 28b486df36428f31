import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// SVG rather than canvas: sharp when printed, and the chart scales with the page.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * An ECharts chart as an image with a text description; the same figures are always in a table next
 * to it, so nothing is only in the chart (or only in its colours).
 */
export function EChart({ option, title, description, height = 280, testId }: { option: ChartOption; title: string; description: string; height?: number; testId?: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, null, { renderer: 'svg' });
    chart.setOption({ aria: { enabled: true, decal: { show: true } }, animation: false, ...option });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    window.addEventListener('beforeprint', resize);
    return () => {
      window.removeEventListener('resize', resize);
      window.removeEventListener('beforeprint', resize);
      chart.dispose();
    };
  }, [option]);
  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <div ref={element} role="img" aria-label={`${title}. ${description}`} style={{ height, width: '100%' }} data-testid={testId} />
    </figure>
  );
}
