import { serializeJsonLd } from '@/lib/json-ld';

/** A JSON-LD <script>; the serializer escapes `<` so CMS text cannot end the element early. */
export function JsonLd({ data }: { data: Record<string, unknown> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
