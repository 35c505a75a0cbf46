import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Timeline } from '../api/types';
import { colourOf } from '../charts/palette';
import { Empty } from '../ui/states';
import { changesByMonth } from './timeline-series';

/** Licenses added (up) and returned (down) per month. */
export function AddsReturnsChart({ timeline }: { timeline: Timeline }) {
  const months = changesByMonth(timeline);
  if (months.length === 0) return <Empty>No license was added or returned in this range.</Empty>;
  return (
    <figure className="chart" aria-label="Licenses added and returned per month">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={months} stackOffset="sign" margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} />
          <Tooltip formatter={(value) => Math.abs(Number(value))} />
          <Legend verticalAlign="top" />
          <ReferenceLine y={0} stroke="#666" />
          <Bar
            dataKey="adds"
            name="Added"
            stackId="m"
            fill={colourOf(2)}
            maxBarSize={40}
            isAnimationActive={false}
          />
          <Bar
            dataKey="returns"
            name="Returned"
            stackId="m"
            fill={colourOf(5)}
            maxBarSize={40}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
