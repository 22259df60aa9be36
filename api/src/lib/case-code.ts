// Human-readable case codes: XC-YYYYMMDD-NNNN, the date being the local day of the report.

/**
 * @example formatCaseCode('2026-11-22', 7) // 'XC-20261122-0007'
 */
export function formatCaseCode(day: string, sequence: number): string {
  return `XC-${day.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}
