import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { articlePlainText } from '../src/api/article/services/article-plain-text';
import { searchTerms } from '../src/api/article/services/search-index';

describe('search text', () => {
  it('reduces queries to words, so FTS syntax from users is never interpreted', () => {
    assert.deepEqual(searchTerms('Magnesium "glycinate" OR NEAR(x*)'), ['magnesium', 'glycinate', 'or', 'near', 'x']);
    assert.deepEqual(searchTerms("'; DROP TABLE --"), ['drop', 'table']);
    assert.deepEqual(searchTerms('Crème brûlée'), ['crème', 'brûlée']);
  });

  it('extracts the text of every body component', () => {
    const text = articlePlainText([
      {
        __component: 'content.rich-text',
        body: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'Alpha' },
              { type: 'link', children: [{ type: 'text', text: 'beta' }] },
            ],
          },
        ],
      },
      { __component: 'content.callout', title: 'Gamma', body: 'delta' },
      { __component: 'content.key-takeaways', items: [{ text: 'epsilon' }] },
      { __component: 'content.pull-quote', quote: 'zeta' },
      { __component: 'content.figure', caption: 'eta' },
    ]);
    assert.equal(text, 'Alpha beta Gamma delta epsilon zeta eta');
  });
});
