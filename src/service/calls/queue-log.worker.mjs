// Worker entry for large queue_log files: registers the TypeScript loader in this thread (workers do
// not inherit it), then runs the reader (queue-log.worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./queue-log.worker.ts');
