/**
 * Writes a SAF-T Financial 1.30 file (the shape every Norwegian bookkeeping system exports from 2025).
 * Used by the demo generator and the benchmark, so that both go through the real importer. Streams:
 * transactions come from a generator that is run twice (once for totals, once to write), so a
 * million lines never sit in memory.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Ore } from '../../shared/money.ts';
import type { IsoDate, YearMonth } from '../../shared/period.ts';
import { escapeHtml } from '../../web/html.ts';

export const SAFT_NAMESPACE = 'urn:StandardAuditFile-Taxation-Financial:NO';

export interface SaftWriteHeader {
  companyId: string;
  companyName: string;
  /** First and last month of the selection. */
  periodStart: YearMonth;
  periodEnd: YearMonth;
  createdDate: IsoDate;
  softwareName: string;
}

export interface SaftWriteAccount {
  id: string;
  description: string;
  groupingCategory: string;
  groupingCode: string;
  opening: Ore;
  /** Defaults to opening + the file's movements. */
  closing?: Ore;
}

export interface SaftWriteCustomer {
  id: string;
  name: string;
  registrationNumber?: string;
  accountId: string;
  opening: Ore;
  closing: Ore;
}

export interface SaftWriteLine {
  accountId: string;
  /** Øre, debit positive. */
  amount: Ore;
  description?: string;
  customerId?: string;
  analysis?: { type: string; id: string }[];
}

export interface SaftWriteTransaction {
  id: string;
  /** Accounting period 0..13. */
  period: number;
  periodYear: number;
  date: IsoDate;
  description: string;
  lines: SaftWriteLine[];
}

export interface SaftWriteInput {
  header: SaftWriteHeader;
  accounts: SaftWriteAccount[];
  customers?: SaftWriteCustomer[];
  journalId?: string;
  /** Called twice: the first pass computes totals, the second writes. Must yield the same data. */
  transactions: () => Iterable<SaftWriteTransaction>;
}

/** Øre → "1234.50" (SAF-T amounts: dot decimal, no grouping, no sign for debit/credit amounts). */
export function saftAmount(ore: Ore): string {
  const abs = Math.abs(ore);
  const s = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return ore < 0 ? `-${s}` : s;
}

const esc = escapeHtml;

function balance(kind: 'Opening' | 'Closing', ore: Ore): string {
  return ore < 0
    ? `<${kind}CreditBalance>${saftAmount(-ore)}</${kind}CreditBalance>`
    : `<${kind}DebitBalance>${saftAmount(ore)}</${kind}DebitBalance>`;
}

function headerXml(h: SaftWriteHeader): string {
  return `<Header>
  <AuditFileVersion>1.30</AuditFileVersion>
  <AuditFileCountry>NO</AuditFileCountry>
  <AuditFileDateCreated>${h.createdDate}</AuditFileDateCreated>
  <SoftwareCompanyName>${esc(h.softwareName)}</SoftwareCompanyName>
  <SoftwareID>${esc(h.softwareName)}</SoftwareID>
  <SoftwareVersion>1</SoftwareVersion>
  <Company>
   <RegistrationNumber>${esc(h.companyId)}</RegistrationNumber>
   <Name>${esc(h.companyName)}</Name>
  </Company>
  <DefaultCurrencyCode>NOK</DefaultCurrencyCode>
  <SelectionCriteria>
   <PeriodStart>${Number(h.periodStart.slice(5, 7))}</PeriodStart>
   <PeriodStartYear>${h.periodStart.slice(0, 4)}</PeriodStartYear>
   <PeriodEnd>${Number(h.periodEnd.slice(5, 7))}</PeriodEnd>
   <PeriodEndYear>${h.periodEnd.slice(0, 4)}</PeriodEndYear>
  </SelectionCriteria>
  <TaxAccountingBasis>A</TaxAccountingBasis>
 </Header>
`;
}

function accountXml(a: SaftWriteAccount, closing: Ore): string {
  return `   <Account>
    <AccountID>${esc(a.id)}</AccountID>
    <AccountDescription>${esc(a.description)}</AccountDescription>
    <GroupingCategory>${esc(a.groupingCategory)}</GroupingCategory>
    <GroupingCode>${esc(a.groupingCode)}</GroupingCode>
    <AccountType>GL</AccountType>
    ${balance('Opening', a.opening)}
    ${balance('Closing', closing)}
   </Account>
`;
}

function customerXml(c: SaftWriteCustomer): string {
  const reg = c.registrationNumber ? `<RegistrationNumber>${esc(c.registrationNumber)}</RegistrationNumber>` : '';
  return `   <Customer>
    ${reg}<Name>${esc(c.name)}</Name>
    <CustomerID>${esc(c.id)}</CustomerID>
    <BalanceAccount><AccountID>${esc(c.accountId)}</AccountID>${balance('Opening', c.opening)}${balance('Closing', c.closing)}</BalanceAccount>
   </Customer>
`;
}

function lineXml(l: SaftWriteLine, recordId: number, date: IsoDate): string {
  const analysis = (l.analysis ?? [])
    .map((a) => `<Analysis><AnalysisType>${esc(a.type)}</AnalysisType><AnalysisID>${esc(a.id)}</AnalysisID></Analysis>`)
    .join('');
  const customer = l.customerId ? `<CustomerID>${esc(l.customerId)}</CustomerID>` : '';
  const side = l.amount < 0 ? 'CreditAmount' : 'DebitAmount';
  return `     <Line><RecordID>${recordId}</RecordID><AccountID>${esc(l.accountId)}</AccountID>${analysis}<ValueDate>${date}</ValueDate>${customer}<Description>${esc(l.description ?? '')}</Description><${side}><Amount>${saftAmount(Math.abs(l.amount))}</Amount></${side}></Line>
`;
}

function transactionXml(t: SaftWriteTransaction): string {
  let out = `    <Transaction>
     <TransactionID>${esc(t.id)}</TransactionID>
     <Period>${String(t.period).padStart(2, '0')}</Period>
     <PeriodYear>${t.periodYear}</PeriodYear>
     <TransactionDate>${t.date}</TransactionDate>
     <TransactionType>Normal</TransactionType>
     <Description>${esc(t.description)}</Description>
     <SystemEntryDate>${t.date}</SystemEntryDate>
     <GLPostingDate>${t.date}</GLPostingDate>
`;
  t.lines.forEach((l, i) => {
    out += lineXml(l, i + 1, t.date);
  });
  return `${out}    </Transaction>
`;
}

/** Writes the file; returns the number of transaction lines written. */
export async function writeSaftFile(path: string, input: SaftWriteInput): Promise<{ lines: number; totalDebit: Ore }> {
  let entries = 0;
  let lines = 0;
  let debit = 0;
  let credit = 0;
  const moved = new Map<string, Ore>();
  for (const t of input.transactions()) {
    entries++;
    for (const l of t.lines) {
      lines++;
      if (l.amount >= 0) debit += l.amount;
      else credit -= l.amount;
      moved.set(l.accountId, (moved.get(l.accountId) ?? 0) + l.amount);
    }
  }
  const out = createWriteStream(path, { encoding: 'utf8' });
  let buffer = '';
  const write = async (text: string) => {
    buffer += text;
    if (buffer.length < 1 << 16) return;
    const chunk = buffer;
    buffer = '';
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<AuditFile xmlns="${SAFT_NAMESPACE}">
 ${headerXml(input.header)} <MasterFiles>
  <GeneralLedgerAccounts>
`);
  for (const a of input.accounts) await write(accountXml(a, a.closing ?? a.opening + (moved.get(a.id) ?? 0)));
  await write('  </GeneralLedgerAccounts>\n');
  if (input.customers?.length) {
    await write('  <Customers>\n');
    for (const c of input.customers) await write(customerXml(c));
    await write('  </Customers>\n');
  }
  await write(` </MasterFiles>
 <GeneralLedgerEntries>
  <NumberOfEntries>${entries}</NumberOfEntries>
  <TotalDebit>${saftAmount(debit)}</TotalDebit>
  <TotalCredit>${saftAmount(credit)}</TotalCredit>
  <Journal>
   <JournalID>${esc(input.journalId ?? 'GL')}</JournalID>
   <Description>Hovedbok</Description>
   <Type>GL</Type>
`);
  for (const t of input.transactions()) await write(transactionXml(t));
  await write(`  </Journal>
 </GeneralLedgerEntries>
</AuditFile>
`);
  out.end(buffer);
  await once(out, 'finish');
  return { lines, totalDebit: debit };
}
