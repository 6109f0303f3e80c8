/**
 * Admin home page widget: live articles whose medical review is overdue or due within 30 days,
 * after those flagged for a new review by a substantive update.
 */
import { Widget } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';

import type { ReviewDue } from '../../api/article/services/reviews-due';
import { editViewPath } from './admin-links';
import { useAdminJson } from './use-admin-json';

const formatDay = (day: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

export const ReviewsDueWidget = () => {
  const state = useAdminJson<ReviewDue[]>('/nourish-editorial/reviews-due');
  if (state.status === 'loading') return <Widget.Loading />;
  if (state.status === 'error') return <Widget.Error>{state.message}</Widget.Error>;
  if (state.data.length === 0) return <Widget.NoData>No review is due in the next 30 days.</Widget.NoData>;
  return (
    <ol aria-label="Reviews due" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {state.data.map((item) => (
        <li
          key={item.documentId}
          data-review-due={item.documentId}
          style={{ display: 'flex', gap: 12, justifyContent: 'space-between', padding: '8px 0' }}
        >
          <Link to={editViewPath(item.documentId)}>{item.title}</Link>
          <span style={{ whiteSpace: 'nowrap', color: item.overdue || item.reviewRequired ? '#d02b20' : 'inherit' }}>
            {item.reviewRequired ? 'Review required · ' : ''}
            {item.nextReviewDue
              ? `${item.overdue ? 'Overdue since ' : 'Due '}${formatDay(item.nextReviewDue)}`
              : 'No date'}{' '}
            · {item.reviewer ?? 'no reviewer'}
          </span>
        </li>
      ))}
    </ol>
  );
};
