/**
 * Runs before every page route:
 * - refuses request paths that are not validly percent-encoded (`/articles/%E0%A4%A`) with a plain
 *   400. Next 16 answers them with a bare 500 on dynamic routes (vercel/next.js#92527): its own
 *   DecodeError handling renders the Pages Router `/_error`, which an App Router site does not have;
 * - redirects (308) the old listing addresses `/topics/x?page=N` to `/topics/x/page/N`, and
 *   `/page/1` to the listing's one canonical URL;
 * - names each response's cache tags for the edge cache (`Surrogate-Key`, lib/edge/surrogate-keys.ts).
 */
import { NextResponse, type NextRequest } from 'next/server';

import { SURROGATE_KEY_HEADER, surrogateKeysFor } from '@/lib/edge/surrogate-keys';

const LISTING = /^\/(?:topics|authors)\/[^/]+$/;
const FIRST_PAGE = /^(\/(?:topics|authors)\/[^/]+)\/page\/1$/;

const permanentRedirect = (request: NextRequest, pathname: string): NextResponse => {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  url.search = '';
  return NextResponse.redirect(url, 308);
};

export function proxy(request: NextRequest): NextResponse {
  const { pathname, searchParams } = request.nextUrl;
  try {
    decodeURIComponent(pathname);
  } catch {
    return new NextResponse('Bad request: the address is not validly encoded.\n', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }

  const page = searchParams.get('page');
  // Anything that is not a page number lands on a /page/ address that answers 404.
  if (page !== null && LISTING.test(pathname)) {
    return permanentRedirect(request, page === '1' ? pathname : `${pathname}/page/${encodeURIComponent(page)}`);
  }
  const firstPage = FIRST_PAGE.exec(pathname);
  if (firstPage?.[1]) return permanentRedirect(request, firstPage[1]);

  const response = NextResponse.next();
  response.headers.set(SURROGATE_KEY_HEADER, surrogateKeysFor(pathname).join(' '));
  return response;
}

// Static assets and image optimization never reach a page route.
export const config = { matcher: ['/((?!_next/static|_next/image|icon.svg).*)'] };
