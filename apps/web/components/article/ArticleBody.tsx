import { unreachable, type BodySection } from '@nourish/content';
import { Callout } from './Callout';
import { Figure } from './Figure';
import { KeyTakeaways } from './KeyTakeaways';
import { PullQuote } from './PullQuote';
import { RichText } from './RichText';
import styles from './BodyBlocks.module.css';

/** Every body component, in the order the editor placed them. */
export function ArticleBody({ sections }: { sections: BodySection[] }) {
  return (
    <div className={styles.prose}>
      {sections.map((section) => {
        switch (section.kind) {
          case 'rich-text':
            return <RichText key={section.key} blocks={section.blocks} />;
          case 'key-takeaways':
            return (
              <KeyTakeaways key={section.key} id={`${section.key}-title`} title={section.title} items={section.items} />
            );
          case 'callout':
            return <Callout key={section.key} variant={section.variant} title={section.title} body={section.body} />;
          case 'pull-quote':
            return <PullQuote key={section.key} quote={section.quote} attribution={section.attribution} />;
          case 'figure':
            return <Figure key={section.key} image={section.image} caption={section.caption} credit={section.credit} />;
          default:
            return unreachable(section, 'body section');
        }
      })}
    </div>
  );
}
