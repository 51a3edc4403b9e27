import { randomBytes } from 'node:crypto';
import { createSealer, type Sealer } from '../../src/privacy/seal.ts';

/** A data sealer under a fresh random key, for stores built outside buildServices. */
export const testSealer = (): Sealer => createSealer({ current: randomBytes(32), previous: [] }, 'data');
