/**
 * Edit view side panel of an article: the articles, home-page slots and site defaults whose
 * "Recommended for you" or "You may also like" pins point at it, so an editor knows what changes
 * before unpublishing or deleting it.
 */
import { Link } from 'react-router-dom';

import type { ImpactPlace } from '../../api/article/services/impact';
import { ARTICLE, editViewPath } from './admin-links';
import { useAdminJson } from './use-admin-json';

const RAILS: Record<string, string> = {
  recommended: '"Recommended for you"',
  alsoLikePinned: '"You may also like" (pinned)',
  featured: 'featured articles',
  defaultRecommended: 'default "Recommended for you"',
};
const rail = (field: string) => RAILS[field] ?? field;

const ImpactList = ({ documentId }: { documentId: string }) => {
  const state = useAdminJson<ImpactPlace[]>(`/nourish-editorial/articles/${documentId}/impact`);
  if (state.status === 'loading') return <p>Looking for pins…</p>;
  if (state.status === 'error') return <p role="alert">Could not load: {state.message}</p>;
  if (state.data.length === 0)
    return <p>Nothing pins this article: unpublishing it changes no other page&apos;s rails.</p>;
  return (
    <ul aria-label="Pinned elsewhere" style={{ margin: 0, paddingLeft: 16 }}>
      {state.data.map((place) =>
        place.kind === 'article' ? (
          <li key={`${place.documentId}:${place.rail}:${String(place.live)}`} data-impact="article">
            <Link to={editViewPath(place.documentId)}>{place.title}</Link> ({rail(place.rail)}
            {place.live ? '' : ', draft only'})
          </li>
        ) : (
          <li key={`${place.kind}:${place.rail}`} data-impact={place.kind}>
            {place.kind === 'home-page' ? 'Home page' : 'Site settings'}: {rail(place.rail)}
          </li>
        ),
      )}
    </ul>
  );
};

type PanelProps = { model: string; documentId?: string };

export const ImpactPanel = ({ model, documentId }: PanelProps) => {
  if (model !== ARTICLE) return null;
  return {
    title: 'Pinned elsewhere',
    content: documentId ? <ImpactList documentId={documentId} /> : <p>Nothing can pin an unsaved article.</p>,
  };
};
