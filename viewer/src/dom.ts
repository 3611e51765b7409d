/** A tiny element builder: `h('button', { class: 'x', onclick }, 'text', child)`. */
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;
type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
}

/** An inline SVG of a Cytoscape node shape, for the legend and the panel. */
export function shapeIcon(shape: string, colour: string, size = 16): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('viewBox', '-1 -1 2 2');
  svg.setAttribute('aria-hidden', 'true');
  const polygon = (points: Array<[number, number]>) => {
    const p = document.createElementNS(ns, 'polygon');
    p.setAttribute('points', points.map(([x, y]) => `${x.toFixed(3)},${y.toFixed(3)}`).join(' '));
    return p;
  };
  const regular = (n: number, rotate = -Math.PI / 2, r = 0.95) =>
    Array.from(
      { length: n },
      (_, i) =>
        [r * Math.cos(rotate + (2 * Math.PI * i) / n), r * Math.sin(rotate + (2 * Math.PI * i) / n)] as [
          number,
          number,
        ],
    );
  let el: SVGElement;
  switch (shape) {
    case 'ellipse': {
      el = document.createElementNS(ns, 'circle');
      el.setAttribute('r', '0.9');
      break;
    }
    case 'rectangle':
    case 'round-rectangle': {
      el = document.createElementNS(ns, 'rect');
      el.setAttribute('x', '-0.85');
      el.setAttribute('y', '-0.85');
      el.setAttribute('width', '1.7');
      el.setAttribute('height', '1.7');
      if (shape === 'round-rectangle') el.setAttribute('rx', '0.35');
      break;
    }
    case 'diamond':
      el = polygon(regular(4));
      break;
    case 'triangle':
      el = polygon(regular(3, -Math.PI / 2, 1));
      break;
    case 'pentagon':
      el = polygon(regular(5));
      break;
    case 'hexagon':
      el = polygon(regular(6, 0));
      break;
    case 'octagon':
      el = polygon(regular(8, Math.PI / 8));
      break;
    case 'star':
      el = polygon(
        Array.from({ length: 10 }, (_, i) => {
          const r = i % 2 === 0 ? 1 : 0.42;
          const a = -Math.PI / 2 + (Math.PI * i) / 5;
          return [r * Math.cos(a), r * Math.sin(a)] as [number, number];
        }),
      );
      break;
    default:
      el = polygon([
        [-0.9, -0.6],
        [0.4, -0.6],
        [0.95, 0],
        [0.4, 0.6],
        [-0.9, 0.6],
      ]);
  }
  el.setAttribute('fill', colour);
  svg.append(el);
  return svg;
}
