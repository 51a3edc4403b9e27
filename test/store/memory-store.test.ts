import { createMemoryStore } from '../../src/store/memory/memory-store.ts';
import { storeContract } from './store-contract.ts';

storeContract('memory', async (clock) => ({ store: createMemoryStore({ clock }), cleanup: async () => {} }));
