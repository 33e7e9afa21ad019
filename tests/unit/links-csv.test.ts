import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseTimestamp } from '../../electron/api/graph';
import { parseCsv, readLinksCsv, writeLinksCsv } from '../../electron/services/graph/links-csv';

describe('timestamps', () => {
  it.each([
    ['2:05', 125],
    ['1:02:03', 3723],
    ['90', 90],
    ['0:00', 0],
  ])('%s is %i seconds', (text, seconds) => expect(parseTimestamp(text)).toBe(seconds));
  it.each(['1:60', 'abc', '1:2', '-5', '1:02:03:04'])('"%s" is not a timestamp', (text) => expect(parseTimestamp(text)).toBeNull());
  it('formats back', () => {
    expect(formatTimestamp(3723)).toBe('1:02:03');
    expect(formatTimestamp(125)).toBe('2:05');
  });
});

describe('links CSV', () => {
  it('parses quotes, escaped quotes, commas and newlines inside fields, CRLF and a BOM', () => {
    expect(parseCsv('a,"b ""q"", c","x\ny"\r\n1,2,3')).toEqual([
      ['a', 'b "q", c', 'x\ny'],
      ['1', '2', '3'],
    ]);
    const { rows } = readLinksCsv('\uFEFFsource,target,type\nA,B,related\n');
    expect(rows).toHaveLength(1);
  });

  it('reports each bad row by its spreadsheet number and keeps the good ones', () => {
    const { rows, problems } = readLinksCsv(
      ['source,target,type,note,timestamp', 'a,b,prerequisite,,1:30', 'a,,related,,', 'a,b,teaches,,', 'a,b,cited,,5 minutes'].join('\n'),
    );
    expect(rows).toEqual([{ row: 2, source: 'a', target: 'b', type: 'prerequisite', note: null, timestamp_seconds: 90 }]);
    expect(problems.map((p) => p.row)).toEqual([3, 4, 5]);
    expect(problems[1]!.message).toContain('Unknown type "teaches"');
    expect(problems[2]!.message).toContain('mm:ss');
  });

  it('refuses a file without the required columns, saying which', () => {
    expect(() => readLinksCsv('from,to\na,b')).toThrow(/source, target and type/);
  });

  it('writes what it reads', () => {
    const csv = writeLinksCsv([
      { source_url: 'https://x/1', target_url: 'https://x/2', type: 'cited', note: 'said "so", then', timestamp_seconds: 75 },
    ]);
    const { rows } = readLinksCsv(csv);
    expect(rows[0]).toMatchObject({ source: 'https://x/1', target: 'https://x/2', type: 'cited', note: 'said "so", then', timestamp_seconds: 75 });
  });
});
