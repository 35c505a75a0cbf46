import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Timeline } from '../api/types';
import { colourOf } from '../charts/palette';
import { Empty } from '../ui/states';
import { heldByDay } from './timeline-series';

/** Held licenses by package, stacked, day by day, each change on its effective date. */
export function HeldLicensesChart({ timeline }: { timeline: Timeline }) {
  const { packages, points } = heldByDay(timeline);
  if (packages.length === 0)
    return (
      <Empty>
        No license was held between {timeline.from} and {timeline.to}.
      </Empty>
    );
  return (
    <figure className="chart" aria-label="Held licenses by package over time">
      <ResponsiveContainer width="100%" height={300}>
        <AreaChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" minTickGap={40} tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend verticalAlign="top" />
          {packages.map((pkg, i) => (
            <Area
              key={pkg}
              type="stepAfter"
              dataKey={pkg}
              stackId="held"
              stroke={colourOf(i)}
              fill={colourOf(i)}
              fillOpacity={0.55}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}
