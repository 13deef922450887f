import type { Mapped } from '../text/mapped.js';

/**
 * A normalizer rewrites one line of text and keeps its map back to the
 * original (see `Mapped`). Normalizers run in the order of `lineNormalizers`.
 */
export interface LineNormalizer {
  name: string;
  /** Cheap test: can this normalizer change the line at all? */
  applies(text: string): boolean;
  apply(m: Mapped): Mapped;
}
