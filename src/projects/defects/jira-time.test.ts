import { describe, expect, it } from 'vitest';
import { parseJiraExportDate, parseJiraTimestamp } from './jira-time.ts';

describe('parseJiraTimestamp(text)', () => {
  it('reads +0000 offsets without a colon, and other offsets', () => {
    expect(parseJiraTimestamp('2016-03-03T13:40:01.000+0000')).toBe('2016-03-03T13:40:01.000Z');
    expect(parseJiraTimestamp('2025-05-14T14:05:00.000+0200')).toBe('2025-05-14T12:05:00.000Z');
    expect(parseJiraTimestamp('2025-05-14T14:05:00+02:00')).toBe('2025-05-14T12:05:00.000Z');
  });
  it('rejects what is not a timestamp', () => {
    expect(parseJiraTimestamp('14/Jul/25')).toBeUndefined();
    expect(parseJiraTimestamp('2025-02-30T10:00:00.000+0000')).toBeUndefined();
  });
});

describe('parseJiraExportDate(text, format)', () => {
  it('reads the default dd/MMM/yy h:mm a in Europe/Oslo', () => {
    expect(parseJiraExportDate('14/Jul/25 3:42 PM')).toBe('2025-07-14T13:42:00.000Z');
    expect(parseJiraExportDate('01/Jan/25 12:05 AM')).toBe('2024-12-31T23:05:00.000Z');
    expect(parseJiraExportDate('01/Jan/25 12:05 PM')).toBe('2025-01-01T11:05:00.000Z');
  });
  it('reads a configured format and rejects a date in another one', () => {
    expect(parseJiraExportDate('14.07.2025 15:42', 'dd.MM.yyyy HH:mm')).toBe('2025-07-14T13:42:00.000Z');
    expect(parseJiraExportDate('14.07.2025 15:42')).toBeUndefined();
    expect(parseJiraExportDate('14/Jul/25 13:42 PM')).toBeUndefined();
  });
});
