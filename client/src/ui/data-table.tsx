// A plain table with an accessible name and column headers; pages render each row's cells.
// Keeps every list in the SPA marked up the same way (scrolling wrapper, scope="col" headers).
import type { ReactNode } from 'react';

export function DataTable<T extends { id: string }>(props: {
  label: string;
  columns: string[];
  items: T[];
  /** The row's cells (<td>…</td>), usually in a fragment. */
  row: (item: T) => ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table aria-label={props.label}>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.items.map((item) => (
            <tr key={item.id}>{props.row(item)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
