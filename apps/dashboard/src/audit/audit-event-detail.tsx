import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../api/client';
import { useSession } from '../session/session-context';
import { formatTime } from '../ui/format';
import { QueryView } from '../ui/states';

/** One recorded event whole: its data and metadata, as stored. */
export function AuditEventDetail({ position, onClose }: { position: number; onClose: () => void }) {
  const { api } = useSession();
  const event = useQuery({
    queryKey: ['audit-event', position],
    queryFn: () => unwrap(api.GET('/api/audit/{position}', { params: { path: { position } } })),
  });
  return (
    <aside className="detail" aria-label={`Event ${position}`}>
      <button type="button" className="link close" onClick={onClose} aria-label="Close the event">
        ×
      </button>
      <QueryView query={event} what={`event ${position}`}>
        {(e) => (
          <>
            <h2>
              #{e.position} {e.type}
            </h2>
            <p>{e.summary}</p>
            <p className="muted">
              {formatTime(e.occurredAt)} · {e.actor} ({e.role}) · stream {e.streamId}
            </p>
            <h3>Data</h3>
            <pre>{JSON.stringify(e.data, null, 2)}</pre>
            <h3>Metadata</h3>
            <pre>{JSON.stringify(e.metadata, null, 2)}</pre>
            <p className="muted mono">hash {e.hash}</p>
          </>
        )}
      </QueryView>
    </aside>
  );
}
