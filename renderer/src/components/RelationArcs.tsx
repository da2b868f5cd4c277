import { type RefObject, useEffect, useRef } from 'react';
import type { HighlightPainter } from '../reader/highlights';
import { useStoreApi } from '../store/context';
import { documentRelations, relationTypeName } from '../store/relations-slice';
import type { GlossState } from '../store/slice';
import './RelationArcs.css';

const SVG = 'http://www.w3.org/2000/svg';

interface Arc {
  from: string;
  to: string;
  label: string;
}

/**
 * The selected annotation's relations, shown in the text: the annotations at their other ends get
 * the `related` mark, and an arc with an arrowhead and the type's name joins each pair. Decorative
 * (the inspector lists the same relations for everyone), drawn outside React from the store and
 * the painter's ranges, and redrawn at most once a frame as the text scrolls or the window resizes,
 * so selecting and tagging stay as fast without relations as with them.
 */
export function RelationArcs({
  painter,
  text,
}: {
  painter: RefObject<HighlightPainter | null>;
  text: string;
}) {
  const store = useStoreApi();
  const svg = useRef<SVGSVGElement>(null);

  // Passive, so it runs after useHighlights' layout effect has made the painter for this text.
  useEffect(() => {
    const overlay = svg.current;
    if (!overlay) return;
    let arcs: Arc[] = [];
    let frame = 0;

    const draw = () => {
      frame = 0;
      const current = painter.current;
      const container = overlay.parentElement;
      const paths = arcs.flatMap((arc) => {
        const from = current && firstBox(current, arc.from);
        const to = current && firstBox(current, arc.to);
        return from && to ? [{ arc, from, to }] : [];
      });
      if (paths.length === 0 || !container) {
        overlay.replaceChildren();
        return;
      }
      const origin = container.getBoundingClientRect();
      const local = (box: DOMRect): Box => ({
        x: box.left + box.width / 2 - origin.left,
        top: box.top - origin.top,
        bottom: box.bottom - origin.top,
      });
      overlay.replaceChildren(
        arrowheadDefinition(),
        ...paths.map(({ arc, from, to }) => arcElement(local(from), local(to), arc.label)),
      );
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(draw);
    };

    const follow = (state: GlossState) => {
      const selected = state.selectedAnnotationId;
      const touching = selected
        ? documentRelations(state).filter((r) => r.from === selected || r.to === selected)
        : [];
      // The set of shown ids only when there are relations to check: a new tag among 10,000
      // annotations selects it, and has none.
      const shown = touching.length > 0 ? new Set(state.reader.annotations.map((a) => a.id)) : undefined;
      arcs = touching
        .filter((r) => shown?.has(r.from) && shown.has(r.to))
        .map((r) => ({ from: r.from, to: r.to, label: relationTypeName(state, r.type) }));
      const current = painter.current;
      if (current && state.reader.document?.text === text) {
        const others = arcs.map((arc) => (arc.from === selected ? arc.to : arc.from));
        current.markAll(
          'related',
          others.flatMap((id) => current.paintedRangeOf(id) ?? []),
        );
      }
      schedule();
    };

    follow(store.getState());
    const unsubscribe = store.subscribe((state, before) => {
      if (
        state.selectedAnnotationId !== before.selectedAnnotationId ||
        state.reader.relations !== before.reader.relations ||
        state.reader.annotations !== before.reader.annotations ||
        state.project?.codebook !== before.project?.codebook
      )
        follow(state);
    });
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      painter.current?.markAll('related', []);
      overlay.replaceChildren();
    };
  }, [store, painter, text]);

  return <svg ref={svg} className="relation-arcs" aria-hidden="true" />;
}

/** The box of an annotation's first line, in viewport coordinates; none where nothing is laid out (jsdom). */
function firstBox(painter: HighlightPainter, id: string): DOMRect | undefined {
  const range = painter.rangeOf(id);
  if (!range || typeof range.getClientRects !== 'function') return undefined;
  const box = range.getClientRects()[0];
  return box && box.width + box.height > 0 ? box : undefined;
}

function arrowheadDefinition(): SVGDefsElement {
  const defs = document.createElementNS(SVG, 'defs');
  const marker = document.createElementNS(SVG, 'marker');
  marker.id = 'relation-arrowhead';
  for (const [name, value] of Object.entries({
    viewBox: '0 0 10 10',
    refX: '9',
    refY: '5',
    markerWidth: '7',
    markerHeight: '7',
    orient: 'auto-start-reverse',
  }))
    marker.setAttribute(name, value);
  const head = document.createElementNS(SVG, 'path');
  head.setAttribute('d', 'M 0 0 L 10 5 L 0 10 z');
  head.setAttribute('class', 'relation-arrowhead');
  marker.append(head);
  defs.append(marker);
  return defs;
}

/** A passage's first line box, relative to the overlay: its horizontal middle, its top and bottom. */
interface Box {
  x: number;
  top: number;
  bottom: number;
}

/**
 * A curve from one passage to the other. On the same line it arcs over both, higher the further
 * apart they are; on different lines it leaves the lower edge of the upper passage and enters the
 * upper edge of the lower one, so it never crosses the words it joins.
 */
function arcElement(from: Box, to: Box, label: string): SVGGElement {
  const sameLine = Math.abs(from.top - to.top) < (from.bottom - from.top) / 2;
  const down = to.top > from.top;
  const a = { x: from.x, y: sameLine || !down ? from.top : from.bottom };
  const b = { x: to.x, y: sameLine || down ? to.top : to.bottom };
  const bend = sameLine ? -Math.min(60, 14 + Math.abs(b.x - a.x) / 8) : (b.y - a.y) / 2;
  const c1 = { x: a.x, y: a.y + bend };
  const c2 = { x: b.x, y: sameLine ? b.y + bend : b.y - bend };
  const group = document.createElementNS(SVG, 'g');
  group.setAttribute('class', 'relation-arc');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', `M ${a.x} ${a.y} C ${c1.x} ${c1.y}, ${c2.x} ${c2.y}, ${b.x} ${b.y}`);
  path.setAttribute('marker-end', 'url(#relation-arrowhead)');
  const text = document.createElementNS(SVG, 'text');
  // The curve's midpoint (t = 0.5 of the cubic), the label just above it.
  text.setAttribute('x', String((a.x + 3 * c1.x + 3 * c2.x + b.x) / 8));
  text.setAttribute('y', String((a.y + 3 * c1.y + 3 * c2.y + b.y) / 8 - 4));
  text.setAttribute('text-anchor', 'middle');
  text.textContent = label;
  group.append(path, text);
  return group;
}
