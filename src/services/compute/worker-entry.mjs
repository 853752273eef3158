// Worker threads start as plain Node (also under vitest): register tsx's loader, then run the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
