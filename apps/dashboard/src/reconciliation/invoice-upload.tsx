import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { unwrap } from '../api/client';
import { useSession } from '../session/session-context';
import { ErrorView } from '../ui/states';

/**
 * Uploads a carrier invoice (CSV or XLSX, header `customerId,package,quantity,period,amount`). A file
 * with bad cells imports nothing and lists every bad cell by line and column.
 */
export function InvoiceUpload() {
  const { api, wrote } = useSession();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async (chosen: File) => {
      const form = new FormData();
      form.append('file', chosen);
      return unwrap(
        api.POST('/api/invoices', {
          // The generated body type is the multipart schema; the browser sends the FormData as it is.
          body: form as never,
          bodySerializer: (body) => body as unknown as FormData,
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        }),
      );
    },
    onSuccess: async (result) => {
      wrote(result.position);
      setFile(null);
      if (input.current) input.current.value = '';
      await queryClient.invalidateQueries();
    },
  });
  return (
    <form
      className="upload"
      onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.mutate(file);
      }}
    >
      <label>
        Carrier invoice (CSV or XLSX){' '}
        <input
          ref={input}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <button type="submit" disabled={!file || upload.isPending}>
        {upload.isPending ? 'Importing…' : 'Import'}
      </button>
      {upload.data && (
        <p className="state ok" role="status">
          Imported invoice {upload.data.invoiceId}: {upload.data.lines} lines.
        </p>
      )}
      {upload.error && <ErrorView error={upload.error} action="Import refused" />}
    </form>
  );
}
