import type { ReactNode } from 'react';
import type { Topic } from '@nourish/content';
import { IntentLink } from './IntentLink';

type Props = {
  topics: Topic[];
  /** The list's class: each place (header bar, footer column, 404 page) styles it its own way. */
  className?: string;
  /** Items that come before the topics (the 404 page's link home). */
  children?: ReactNode;
};

/** The list of links to every topic page: the header, the footer and the 404 page all offer it. */
export function TopicLinks({ topics, className, children }: Props) {
  return (
    <ul className={className}>
      {children}
      {topics.map((topic) => (
        <li key={topic.slug}>
          <IntentLink href={`/topics/${topic.slug}`}>{topic.name}</IntentLink>
        </li>
      ))}
    </ul>
  );
}
