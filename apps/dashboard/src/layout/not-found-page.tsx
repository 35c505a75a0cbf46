import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section>
      <h1>Nothing here</h1>
      <p>
        This address is not a page of the ledger. <Link to="/">Go to the start page</Link>.
      </p>
    </section>
  );
}
