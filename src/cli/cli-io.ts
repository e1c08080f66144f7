/** What the CLI writes to and reads its environment from (the process, or a test's buffers). */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
}
