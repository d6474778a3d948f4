/**
 * Document blocks (`platform/documents/blocks.ts`) as HTML: the same blocks a PDF and a DOCX are
 * written from, so a page shows exactly what the document says (e.g. the protocol, or the minutes
 * participants comment on).
 */
import type { DocumentBlock } from '../../platform/documents/blocks.js';

/** One document block as HTML: the same blocks the PDF and the DOCX are written from. */
export function Block({ block }: { block: DocumentBlock }) {
  switch (block.kind) {
    case 'heading': {
      const Heading = `h${block.level}` as 'h1' | 'h2' | 'h3';
      return <Heading>{block.text}</Heading>;
    }
    case 'paragraph':
      return block.label ? (
        <p>
          <strong>{block.label}</strong> {block.text}
        </p>
      ) : (
        <p>{block.emphasis ? <strong>{block.text}</strong> : block.text}</p>
      );
    case 'list':
      if (block.style === 'bullet') {
        return (
          <ul>
            {block.items.map((item) => (
              <li>{item}</li>
            ))}
          </ul>
        );
      }
      return (
        <ol type={block.style === 'upper-roman' ? 'I' : '1'}>
          {block.items.map((item) => (
            <li>{item}</li>
          ))}
        </ol>
      );
    case 'table':
      return (
        <table class="table">
          <caption>{block.caption}</caption>
          <thead>
            <tr>
              {block.columns.map((c) => (
                <th scope="col">{c.header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row) => (
              <tr>
                {row.map((cell) => (
                  <td>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

/** A sequence of document blocks. */
export function DocumentBlocks(props: { blocks: DocumentBlock[] }) {
  return (
    <>
      {props.blocks.map((block) => (
        <Block block={block} />
      ))}
    </>
  );
}
