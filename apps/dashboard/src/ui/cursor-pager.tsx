/**
 * Pages of a cursor-paged list: back to the first page, or on to the next. A cursor only points
 * forward (pages stay put while events arrive), so there is no "previous"; the browser's Back is it.
 */
export function CursorPager({
  cursor,
  nextCursor,
  go,
}: {
  cursor: string;
  nextCursor: string | null | undefined;
  go: (cursor: string) => void;
}) {
  return (
    <div className="pager">
      {cursor && (
        <button type="button" onClick={() => go('')}>
          First page
        </button>
      )}
      {nextCursor && (
        <button type="button" onClick={() => go(nextCursor)}>
          Next page
        </button>
      )}
    </div>
  );
}
