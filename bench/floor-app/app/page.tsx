/**
 * The framework floor: one server component, no CSS framework, no client component. The least
 * an App Router page of this Next and React costs a browser for this text.
 */
import type { FloorBlock } from '../article';
import { readFloorArticle } from '../article';

export const dynamic = 'force-static';

const Block = ({ block }: { block: FloorBlock }) => {
  switch (block.kind) {
    case 'heading': {
      const Heading = `h${String(block.level)}` as 'h2' | 'h3' | 'h4';
      return <Heading>{block.text}</Heading>;
    }
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </List>
      );
    }
  }
};

export default function FloorPage() {
  const article = readFloorArticle();
  return (
    <main>
      <article>
        <h1>{article.title}</h1>
        <p>{article.standfirst}</p>
        {article.blocks.map((block, i) => (
          <Block key={i} block={block} />
        ))}
      </article>
    </main>
  );
}
