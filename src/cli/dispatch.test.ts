import { describe, expect, it } from 'vitest';
import { extractGlobalOptions, findCommand } from './dispatch.ts';

const commands = [{ name: 'report' }, { name: 'report build' }, { name: 'finance table' }, { name: 'kpi' }];

describe('findCommand(commands, argv)', () => {
  it('picks the longest matching word prefix and returns the rest', () => {
    expect(findCommand(commands, ['report', 'build', '--period', '2025-05'])).toEqual({
      command: { name: 'report build' },
      rest: ['--period', '2025-05'],
    });
    expect(findCommand(commands, ['report', 'list'])).toEqual({ command: { name: 'report' }, rest: ['list'] });
  });

  it('finds nothing for an unknown word or a partial multi-word name', () => {
    expect(findCommand(commands, ['nosuch'])).toBeUndefined();
    expect(findCommand(commands, ['finance'])).toBeUndefined();
    expect(findCommand(commands, [])).toBeUndefined();
  });
});

describe('extractGlobalOptions(argv)', () => {
  it('takes --database in both spellings and --help/-h out of argv, anywhere', () => {
    expect(extractGlobalOptions(['kpi', '--database', 'sqlite::memory:', '--json'])).toEqual({
      database: 'sqlite::memory:',
      help: false,
      rest: ['kpi', '--json'],
    });
    expect(extractGlobalOptions(['--database=postgres://x/y', 'migrate', '-h'])).toEqual({
      database: 'postgres://x/y',
      help: true,
      rest: ['migrate'],
    });
  });

  it('leaves everything after -- alone', () => {
    expect(extractGlobalOptions(['import', 'x', '--', '--help'])).toEqual({
      database: undefined,
      help: false,
      rest: ['import', 'x', '--', '--help'],
    });
  });

  it('is a USAGE error when --database has no value', () => {
    expect(() => extractGlobalOptions(['migrate', '--database'])).toThrow(expect.objectContaining({ code: 'USAGE' }));
    expect(() => extractGlobalOptions(['migrate', '--database', '--json'])).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });
});
