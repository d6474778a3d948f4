import type { ComponentChildren } from 'preact';

export interface TableColumn {
  label: ComponentChildren;
  numeric?: boolean;
}

/** A data table with a caption and column headers; wide tables scroll inside their own box. */
export function Table(props: {
  caption: ComponentChildren;
  columns: TableColumn[];
  rows: ComponentChildren[][];
  captionHidden?: boolean;
  empty?: ComponentChildren;
  /** The first cell of each row names the row (`<th scope="row">`), e.g. a linked title. */
  rowHeader?: boolean;
}) {
  return (
    <div class="table-wrap" role="region" aria-label={typeof props.caption === 'string' ? props.caption : undefined} tabindex={0}>
      <table class="table">
        <caption class={props.captionHidden ? 'visually-hidden' : 'table__caption'}>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col" class={c.numeric ? 'table__cell--numeric' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.length === 0 && props.empty ? (
            <tr>
              <td colSpan={props.columns.length}>{props.empty}</td>
            </tr>
          ) : (
            props.rows.map((row) => (
              <tr>
                {row.map((cell, i) => {
                  const numeric = props.columns[i]?.numeric ? 'table__cell--numeric' : undefined;
                  return i === 0 && props.rowHeader ? (
                    <th scope="row" class={numeric}>
                      {cell}
                    </th>
                  ) : (
                    <td class={numeric}>{cell}</td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
