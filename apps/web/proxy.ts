/**
 * Names each response's cache tags for the edge cache (`Surrogate-Key`, lib/edge/surrogate-keys.ts).
 *
 * Refuses request paths that are not validly percent-encoded (`/articles/%E0%A4%A`) with a plain
 * 400. Next 16 answers them with a bare 500 on dynamic routes (vercel/next.js#92527): its own
 * DecodeError handling renders the Pages Router `/_error`, which an App Router site does not have.
 */
import { NextResponse, type NextRequest } from 'next/server';

import { SURROGATE_KEY_HEADER, surrogateKeysFor } from '@/lib/edge/surrogate-keys';

export function proxy(request: NextRequest): NextResponse {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    const response = NextResponse.next();
    response.headers.set(SURROGATE_KEY_HEADER, surrogateKeysFor(request.nextUrl.pathname).join(' '));
    return response;
  } catch {
    return new NextResponse('Bad request: the address is not validly encoded.\n', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
}

// Static assets and image optimization never reach a page route.
export const config = { matcher: ['/((?!_next/static|_next/image|icon.svg).*)'] };
