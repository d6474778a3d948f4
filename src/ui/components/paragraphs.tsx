/** Plain multi-line text (from settings) as paragraphs: blank lines separate them, single breaks stay. */
export function Paragraphs(props: { text: string; id?: string }) {
  const blocks = props.text.split(/\n{2,}/).filter((b) => b.trim() !== '');
  return (
    <div id={props.id}>
      {blocks.map((block) => (
        <p>
          {block.split('\n').map((line, i) => (
            <>
              {i > 0 && <br />}
              {line}
            </>
          ))}
        </p>
      ))}
    </div>
  );
}
