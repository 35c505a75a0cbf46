import type { InventoryRow } from '../api/types';
import { Empty } from '../ui/states';

/** The portal's inventory: Now (held), the pending order changes, To Be, and what is free to assign. */
export function InventoryTable({ rows }: { rows: readonly InventoryRow[] }) {
  if (rows.length === 0) return <Empty>This customer holds no licenses and has none on order.</Empty>;
  return (
    <table aria-label="Inventory">
      <thead>
        <tr>
          <th>Package</th>
          <th className="num">Now</th>
          <th className="num">Pending adds</th>
          <th className="num">Pending returns</th>
          <th className="num">To Be</th>
          <th className="num">Assigned</th>
          <th className="num">Reserved</th>
          <th className="num">Available</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.package}>
            <td>{r.package}</td>
            <td className="num">{r.held}</td>
            <td className="num">{r.pendingAdds > 0 ? `+${r.pendingAdds}` : 0}</td>
            <td className="num">{r.pendingReturns > 0 ? `-${r.pendingReturns}` : 0}</td>
            <td className="num">{r.toBe}</td>
            <td className="num">{r.assigned}</td>
            <td className="num">{r.reserved}</td>
            <td className={`num ${r.available > 0 ? 'warn' : ''}`}>{r.available}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
