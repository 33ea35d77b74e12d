/** A grid tile's narrowest width, and the gap between tiles (Tailwind's gap-3). */
export const GRID_TILE_MIN_PX = 240;
export const GRID_GAP_PX = 12;

/** How many tiles fit across `width` px: at least one, however narrow. */
export function gridColumns(width: number): number {
  return Math.max(1, Math.floor((width + GRID_GAP_PX) / (GRID_TILE_MIN_PX + GRID_GAP_PX)));
}
