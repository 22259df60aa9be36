// Reads an EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) result down to what a bench prints: time,
// buffers, and each scan with its index, so "the plan uses an index" is checked, not assumed.

export type PlanSummary = { sql: string; execMs: number; hit: number; read: number; nodes: string[]; seqScanOnCases: boolean };

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
};
type Explained = { Plan: PlanNode & { 'Shared Hit Blocks'?: number; 'Shared Read Blocks'?: number }; 'Execution Time': number };

const SCANS = /Scan$/;

export function summarizePlan(sql: string, raw: unknown): PlanSummary {
  const [top] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Explained[];
  if (!top) throw new Error('empty EXPLAIN output');
  const nodes: string[] = [];
  let seqScanOnCases = false;
  const walk = (n: PlanNode) => {
    if (SCANS.test(n['Node Type']) && n['Relation Name']) {
      const rows = (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1);
      nodes.push(`${n['Node Type']}${n['Index Name'] ? ` using ${n['Index Name']}` : ''} on ${n['Relation Name']} (${rows} rows)`);
      if (n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'cases') seqScanOnCases = true;
    } else if (n['Node Type'] === 'Bitmap Index Scan' && n['Index Name']) {
      nodes.push(`Bitmap Index Scan using ${n['Index Name']}`);
    }
    for (const child of n.Plans ?? []) walk(child);
  };
  walk(top.Plan);
  return {
    sql, execMs: top['Execution Time'], hit: top.Plan['Shared Hit Blocks'] ?? 0, read: top.Plan['Shared Read Blocks'] ?? 0,
    nodes, seqScanOnCases,
  };
}
