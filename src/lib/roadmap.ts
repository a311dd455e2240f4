import type { ProductRoadmapItem } from '../schemas/streams.ts';
import { humanDate, quarterRange } from './dates.ts';

/** A product roadmap item placed on the calendar, whichever way the author wrote it. */
export interface PlacedItem extends ProductRoadmapItem {
  from: Date;
  to: Date;
  /** `2026-Q4`, or `1 Oct 2026 to 31 Jan 2027`. */
  when: string;
}

export function placeRoadmapItem(item: ProductRoadmapItem): PlacedItem {
  if (item.start && item.end) {
    return { ...item, from: item.start, to: item.end, when: `${humanDate(item.start)} to ${humanDate(item.end)}` };
  }
  // The schema guarantees a quarter when dates are missing.
  const { start, end } = quarterRange(item.quarter ?? '');
  return { ...item, from: start, to: end, when: item.quarter ?? '' };
}

/** Roadmap items in calendar order. */
export function sortRoadmap(items: ProductRoadmapItem[]): PlacedItem[] {
  return items.map(placeRoadmapItem).sort((a, b) => a.from.getTime() - b.from.getTime() || a.to.getTime() - b.to.getTime());
}
