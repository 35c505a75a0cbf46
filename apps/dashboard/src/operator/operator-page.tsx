import { useProjections } from '../live/use-projections';
import { QueryView } from '../ui/states';

/** The operator reads no customer data (API.md, "Auth"): its page is the read side's health. */
export default function OperatorPage() {
  const projections = useProjections();
  return (
    <section>
      <h1>Read models</h1>
      <p className="muted">
        The carrier's operator keeps the catalog and the read side; it sees no customer's licenses.
      </p>
      <QueryView query={projections} what="the read models">
        {(rows) => (
          <table aria-label="Read models">
            <thead>
              <tr>
                <th>Read model</th>
                <th>Status</th>
                <th className="num">Position</th>
                <th className="num">Behind (events)</th>
                <th className="num">Behind (s)</th>
                <th>Error</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.name} className={p.status === 'faulted' ? 'mismatch' : undefined}>
                  <td>{p.name}</td>
                  <td>{p.status}</td>
                  <td className="num">{p.position}</td>
                  <td className="num">{p.lagEvents ?? '—'}</td>
                  <td className="num">{p.lagSeconds ?? '—'}</td>
                  <td>{p.error ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
    </section>
  );
}
