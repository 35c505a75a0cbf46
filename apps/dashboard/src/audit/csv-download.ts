import { problemOf } from '../api/problem';

/**
 * Downloads the audit CSV with the same filters: a plain link cannot carry the bearer token, so the
 * file is fetched with it and handed to the browser as a download.
 */
export async function downloadAuditCsv(token: string, filters: URLSearchParams): Promise<void> {
  const response = await fetch(`/api/audit.csv?${filters}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw problemOf(await response.json().catch(() => null), response);
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), {
    href: url,
    download: `audit-${new Date().toISOString().slice(0, 10)}.csv`,
  });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
