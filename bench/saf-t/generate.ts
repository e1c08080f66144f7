/**
 * A synthetic SAF-T 1.30 file of `lines` transaction lines (4 lines per transaction: a cost split on two
 * accounts, VAT and the supplier, with department/project dimensions). Deterministic.
 */
import { type SaftWriteAccount, type SaftWriteTransaction, writeSaftFile } from '../../src/finance/ledger/saft.write.ts';

const ACCOUNTS: SaftWriteAccount[] = [
  {
    id: '1920',
    description: 'Bankinnskudd',
    groupingCategory: 'balanseverdiForOmloepsmiddel',
    groupingCode: '1920',
    opening: 50_000_000_00,
  },
  { id: '2400', description: 'Leverandørgjeld', groupingCategory: 'kortsiktigGjeld', groupingCode: '2400', opening: 0 },
  { id: '2710', description: 'Inngående mva', groupingCategory: 'kortsiktigGjeld', groupingCode: '2740', opening: 0 },
  { id: '3000', description: 'Salgsinntekt', groupingCategory: 'salgsinntekt', groupingCode: '3000', opening: 0 },
  { id: '5000', description: 'Lønn', groupingCategory: 'loennskostnad', groupingCode: '5000', opening: 0 },
  { id: '6300', description: 'Leie lokale', groupingCategory: 'annenDriftskostnad', groupingCode: '6300', opening: 0 },
  { id: '6420', description: 'Lisenser', groupingCategory: 'annenDriftskostnad', groupingCode: '6400', opening: 0 },
  { id: '6700', description: 'Konsulenter', groupingCategory: 'annenDriftskostnad', groupingCode: '6700', opening: 0 },
];
const COSTS = ['5000', '6300', '6420', '6700'];

function* transactions(count: number, year: number): Generator<SaftWriteTransaction> {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = 0; i < count; i++) {
    const month = 1 + Math.floor((i * 12) / count);
    const day = 1 + (i % 28);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const net = 100_00 + Math.floor(rnd() * 5_000_000);
    const vat = Math.round(net / 4);
    const half = Math.floor(net / 3);
    const account = COSTS[i % COSTS.length] ?? '6300';
    const other = COSTS[(i + 1) % COSTS.length] ?? '6300';
    const dims = [
      { type: 'A', id: String(100 + (i % 7)) },
      { type: 'P', id: String(2000 + (i % 13)) },
    ];
    yield {
      id: String(100_000 + i),
      period: month,
      periodYear: year,
      date,
      description: `Faktura ${100_000 + i} fra leverandør ${i % 97}`,
      lines: [
        { accountId: account, amount: net - half, description: 'Kostnad', analysis: dims },
        { accountId: other, amount: half, description: 'Kostnad, fordelt', analysis: dims },
        { accountId: '2710', amount: vat, description: 'Inngående mva' },
        { accountId: '2400', amount: -(net + vat), description: 'Leverandørgjeld' },
      ],
    };
  }
}

export async function generateSaftFile(path: string, options: { lines: number; year?: number }): Promise<{ lines: number }> {
  const year = options.year ?? 2025;
  const count = Math.ceil(options.lines / 4);
  return writeSaftFile(path, {
    header: {
      companyId: '999888777',
      companyName: 'Benchmark AS',
      periodStart: `${year}-01`,
      periodEnd: `${year}-12`,
      createdDate: `${year + 1}-01-15`,
      softwareName: 'Styrerom benchmark',
    },
    accounts: ACCOUNTS,
    transactions: () => transactions(count, year),
  });
}
