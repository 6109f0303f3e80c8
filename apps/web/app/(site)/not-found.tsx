import { NotFoundContent } from '@/components/NotFoundContent';
import { getTopics } from '@/lib/data';

export default async function NotFound() {
  const topics = await getTopics();
  return (
    <>
      <title>Page not found</title>
      <NotFoundContent topics={topics} />
    </>
  );
}
