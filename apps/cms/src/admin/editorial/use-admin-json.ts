/** GET one of our admin routes (src/admin-api/editorial-routes.ts) with the admin's session. */
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ok'; data: T };

export const useAdminJson = <T>(path: string): Loaded<T> => {
  const { get } = useFetchClient();
  // Kept with the path it answers, so a new path reads as loading until its own answer arrives.
  const [answer, setAnswer] = useState<{ path: string; result: Loaded<T> } | null>(null);
  useEffect(() => {
    let current = true;
    get<{ data: T }>(path).then(
      (response) => {
        if (current) setAnswer({ path, result: { status: 'ok', data: response.data.data } });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (current) setAnswer({ path, result: { status: 'error', message } });
      },
    );
    return () => {
      current = false;
    };
  }, [get, path]);
  return answer?.path === path ? answer.result : { status: 'loading' };
};
