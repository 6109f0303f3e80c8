/**
 * Edit view side panel of an article: its last medical review and by whom, when the next is due,
 * a warning when a substantive update awaits review, and "Sign off review" for medical reviewers
 * (the route refuses anyone else, whatever this panel shows).
 */
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

import type { ReviewState } from '../../api/article/services/medical-review';
import { ARTICLE } from './admin-links';

const formatDay = (day: string | null) =>
  day
    ? new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${day}T00:00:00Z`),
      )
    : 'never';

const messageOf = (error: unknown) => {
  // The fetch client's errors carry the route's JSON body; fall back to the plain message.
  const body = (error as { response?: { data?: { error?: { message?: string } } } }).response?.data;
  return body?.error?.message ?? (error instanceof Error ? error.message : String(error));
};

type Loaded = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ok'; data: ReviewState };

const MedicalReview = ({ documentId }: { documentId: string }) => {
  const { get, post } = useFetchClient();
  const path = `/nourish-editorial/articles/${documentId}`;
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  const [signing, setSigning] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    get<{ data: ReviewState }>(`${path}/review`).then(
      (response) => {
        if (current) setState({ status: 'ok', data: response.data.data });
      },
      (error: unknown) => {
        if (current) setState({ status: 'error', message: messageOf(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [get, path]);

  const signOff = () => {
    setSigning(true);
    setRefusal(null);
    post<{ data: ReviewState }>(`${path}/sign-off`, {}).then(
      (response) => {
        setState({ status: 'ok', data: response.data.data });
        setSigning(false);
      },
      (error: unknown) => {
        setRefusal(messageOf(error));
        setSigning(false);
      },
    );
  };

  if (state.status === 'loading') return <p>Loading the review…</p>;
  if (state.status === 'error') return <p role="alert">Could not load: {state.message}</p>;
  const review = state.data;
  const overdue = review.nextReviewDue !== null && review.nextReviewDue < new Date().toISOString().slice(0, 10);
  return (
    <section aria-label="Medical review" style={{ display: 'flex', flexDirection: 'column', gap: 8, width: '100%' }}>
      {review.reviewRequired ? (
        <p role="alert" data-review-required style={{ color: '#d02b20', margin: 0 }}>
          Review required: a substantive update was published after the last sign-off.
        </p>
      ) : null}
      <dl style={{ margin: 0 }}>
        <dt style={{ fontWeight: 600 }}>Last reviewed</dt>
        <dd data-field="lastReviewedAt" style={{ margin: 0 }}>
          {formatDay(review.lastReviewedAt)}
          {review.reviewer ? ` by ${review.reviewer}` : ''}
        </dd>
        <dt style={{ fontWeight: 600, marginTop: 4 }}>Next review due</dt>
        <dd data-field="nextReviewDue" style={{ margin: 0, color: overdue ? '#d02b20' : 'inherit' }}>
          {formatDay(review.nextReviewDue)} (every {review.intervalMonths} months)
        </dd>
      </dl>
      {review.canSignOff ? (
        <button type="button" onClick={signOff} disabled={signing}>
          {signing ? 'Signing off…' : 'Sign off review'}
        </button>
      ) : null}
      {refusal ? <p role="alert">{refusal}</p> : null}
    </section>
  );
};

type PanelProps = { model: string; documentId?: string };

export const MedicalReviewPanel = ({ model, documentId }: PanelProps) => {
  if (model !== ARTICLE) return null;
  return {
    title: 'Medical review',
    content: documentId ? <MedicalReview documentId={documentId} /> : <p>Save the article before its review.</p>,
  };
};
