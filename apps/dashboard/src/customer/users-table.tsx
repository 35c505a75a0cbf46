import type { UserRow } from '../api/types';
import { Empty } from '../ui/states';

export function UsersTable({ users }: { users: readonly UserRow[] }) {
  if (users.length === 0) return <Empty>No users yet.</Empty>;
  return (
    <table aria-label="Users">
      <thead>
        <tr>
          <th className="num">Extension</th>
          <th>Name</th>
          <th>Site</th>
          <th>Package</th>
          <th>Email</th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.extension}>
            <td className="num">{u.extension}</td>
            <td>{u.name}</td>
            <td>{u.site}</td>
            <td>{u.package}</td>
            <td>{u.email}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
