/**
 * A synthetic Asterisk queue_log of N lines for the import benchmark: calls of a busy national call
 * centre (ENTERQUEUE, CONNECT/ABANDON, COMPLETECALLER, some DID and non-call lines), written in
 * large chunks. Deterministic (a fixed-seed generator).
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export async function generateQueueLog(path: string, lines: number): Promise<void> {
  const out = createWriteStream(path);
  let seed = 12345;
  const rnd = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  let t = 1_717_192_800; // 2024-06-01 00:00 Oslo
  let written = 0;
  let call = 0;
  let chunk: string[] = [];
  const push = async (line: string) => {
    chunk.push(line);
    written++;
    if (chunk.length >= 50_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
      chunk = [];
    }
  };
  while (written < lines) {
    t += rnd(3);
    const id = `${t}.${++call}`;
    const queue = rnd(8) === 0 ? 'Sentralbord' : `Servicedesk${rnd(4)}`;
    if (rnd(50) === 0) await push(`${t}|NONE|NONE|NONE|QUEUESTART||||`);
    await push(`${t}|${id}|${queue}|NONE|DID|22001100||||`);
    await push(`${t}|${id}|${queue}|NONE|ENTERQUEUE||4790${100000 + rnd(900000)}|1||`);
    const wait = rnd(60);
    if (rnd(20) === 0) await push(`${t + wait}|${id}|${queue}|NONE|ABANDON|1|1|${wait}||`);
    else {
      const talk = 30 + rnd(600);
      await push(`${t + wait}|${id}|${queue}|PJSIP/${200 + rnd(40)}|CONNECT|${wait}|${id}.1|3||`);
      await push(`${t + wait + talk}|${id}|${queue}|PJSIP/${200 + rnd(40)}|COMPLETECALLER|${wait}|${talk}|1||`);
    }
  }
  if (chunk.length > 0) out.write(`${chunk.join('\n')}\n`);
  out.end();
  await once(out, 'finish');
}
