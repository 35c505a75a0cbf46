import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FleetRow } from '../api/types';
import { colourOf } from '../charts/palette';

const SHOWN = 30;

/** Held, available and idle licenses of the customers in the table's order (the first 30). */
export function FleetChart({ rows }: { rows: readonly FleetRow[] }) {
  const data = rows
    .slice(0, SHOWN)
    .map((r) => ({ name: r.name, held: r.held, available: r.available, idle: r.idle }));
  return (
    <figure className="chart" aria-label="Licenses per customer">
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 48, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="name"
            interval={0}
            angle={-35}
            textAnchor="end"
            height={70}
            tick={{ fontSize: 11 }}
          />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend verticalAlign="top" />
          <Bar dataKey="held" name="Held" fill={colourOf(0)} maxBarSize={36} />
          <Bar dataKey="available" name="Available" fill={colourOf(2)} maxBarSize={36} />
          <Bar dataKey="idle" name="Idle" fill={colourOf(1)} maxBarSize={36} />
        </BarChart>
      </ResponsiveContainer>
      {rows.length > SHOWN && (
        <figcaption>
          The first {SHOWN} of {rows.length} customers in the table's order.
        </figcaption>
      )}
    </figure>
  );
}
