/** An admin session on a benchmark CMS: logs in, or registers the first admin as the admin's first-run screen does. */

export const json = async <T>(res: Response): Promise<T> => {
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${res.url}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
};

/** Headers for the admin API (a fresh production CMS has no admin: the first one is registered). */
export async function adminHeaders(cmsUrl: string, email: string, password: string): Promise<Record<string, string>> {
  const { data: init } = await json<{ data: { hasAdmin: boolean } }>(await fetch(`${cmsUrl}/admin/init`));
  const credentials = { email, password };
  const { data: login } = await json<{ data: { token: string } }>(
    await fetch(`${cmsUrl}/admin/${init.hasAdmin ? 'login' : 'register-admin'}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(init.hasAdmin ? credentials : { ...credentials, firstname: 'Bench', lastname: 'Editor' }),
    }),
  );
  return { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' };
}
