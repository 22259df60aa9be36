// A titled chart: a canvas drawn by the lazily loaded chart module, with a message in words instead when there is nothing to draw.
import { h } from '../../dom';
import type { DrawnChart } from './charts';

export class ChartSection {
  readonly element: HTMLElement;
  readonly heading = h('h2', { class: 'xc-dash-heading' });
  private readonly canvas = h('canvas', { attrs: { role: 'img' } });
  private readonly frame = h('div', { class: 'xc-dash-chart' }, [this.canvas]);
  private readonly message = h('p', { class: 'xc-dash-message' });
  private chart: DrawnChart | null = null;

  constructor(name: string) {
    this.element = h('section', { class: `xc-dash-section xc-dash-chart-section`, attrs: { 'data-chart': name } }, [this.heading, this.frame, this.message]);
  }

  /** Replaces the chart; `label` names it for screen readers. */
  draw(label: string, draw: (canvas: HTMLCanvasElement) => DrawnChart): void {
    this.clear();
    this.frame.hidden = false;
    this.message.textContent = '';
    this.canvas.setAttribute('aria-label', label);
    this.chart = draw(this.canvas);
  }

  /** Shows `text` where the chart would be. */
  say(text: string): void {
    this.clear();
    this.frame.hidden = true;
    this.message.textContent = text;
  }

  destroy(): void {
    this.clear();
  }

  private clear(): void {
    this.chart?.destroy();
    this.chart = null;
  }
}
