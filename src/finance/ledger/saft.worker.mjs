// Worker entry for large SAF-T files: registers the TypeScript loader in this thread (workers do not
// inherit it), then runs the reader (saft.worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./saft.worker.ts');
