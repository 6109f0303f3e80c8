/**
 * The public may ask for what the site's pages need and nothing heavier: named populates from a
 * per-type allow-list, no unbounded lists, no options on populated relations, short filters and
 * known parameters. Refusals are quick 400s that say what is allowed; the site's own reads pass.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { getJson, type ErrorBody, type Page } from '../helpers/http';
import { TOKEN, type CmsContext } from '../helpers/cms-suite';
import { first } from '../helpers/found';
import { siteReads } from '../helpers/site-queries';

/** Refusals happen before any query runs; generous for a shared 2-core machine. */
const QUICK_MS = 2000;

export const queryBoundsTests = (ctx: CmsContext) => {
  const { api } = ctx;

  const refused = async (url: string, message: RegExp, token?: string) => {
    const started = Date.now();
    const res = await getJson<ErrorBody>(api(url), token);
    const took = Date.now() - started;
    assert.equal(res.status, 400, `${url} answered ${res.status}: ${res.text.slice(0, 300)}`);
    assert.equal(res.body.error.name, 'ValidationError', url);
    assert.match(res.body.error.message, message, url);
    assert.ok(took < QUICK_MS, `${url} took ${took} ms`);
  };

  it("answers the site's own reads with 200 without a token", async () => {
    const reads = siteReads();
    for (const url of reads) {
      const res = await getJson(api(url));
      assert.equal(res.status, 200, `${url}: ${res.text.slice(0, 300)}`);
    }
    const article = await getJson<Page<{ author: unknown; body: unknown[] }>>(api(first(reads, 'site read')));
    const { author, body } = first(article.body.data, 'article');
    assert.ok(author, 'the allowed populate is really populated');
    assert.ok(body.length > 0);
  });

  it('refuses populate=* anywhere without the site token', async () => {
    for (const url of [
      '/articles?populate=*',
      '/topics?populate=*',
      '/authors?populate=*',
      '/home-page?populate=*',
      '/site-setting?populate=*',
      '/redirects?populate=*',
      '/articles?populate[author][populate]=*',
      '/articles?populate[0]=author.*',
      '/articles?populate[*]=true',
      '/articles?populate[body][populate]=*',
      '/articles?populate[author]=*',
    ]) {
      await refused(url, /"\*".*not available without the site token/);
    }
  });

  it('refuses every list that can hold thousands of rows, however it is spelled or reached', async () => {
    for (const url of [
      '/topics?populate=articles',
      '/topics?populate[articles]=true',
      '/topics?populate[articles][fields][0]=title',
      '/topics?populate[0]=articles',
      '/authors?populate=avatar,articles',
      '/authors?populate[reviewedArticles]=true',
      '/authors?populate[0]=links&populate[1]=reviewedArticles',
      '/articles?populate=author.articles',
      '/articles?populate[topics][populate][articles]=true',
      '/articles?populate[author][populate][reviewedArticles][fields][0]=title',
      '/home-page?populate[topicSections][populate][topic][populate][articles]=true',
      '/home-page?populate[featured][populate][article][populate][author][populate]=articles',
      '/site-setting?populate[defaultRecommended][populate][article]=true',
    ]) {
      await refused(url, /is not available without the site token \(allowed: .*\)|nothing can be populated/);
    }
    // Private or internal attributes and anything not in the list.
    for (const url of [
      '/articles?populate[createdBy]=true',
      '/articles?populate[recommended]=true',
      '/articles?populate[alsoLikePinned][populate][article]=true',
      '/articles?populate[body][on][content.figure][populate][image][populate][related]=true',
      '/search?q=magnesium&populate=author',
      '/redirects?populate=from',
    ]) {
      await refused(url, /not available without the site token/);
    }
  });

  it('refuses options other than fields, populate and on inside a public populate', async () => {
    for (const option of [
      'filters[name][$eq]=x',
      'sort=name',
      'count=true',
      'page=1',
      'pageSize=1',
      'start=0',
      'limit=1',
      'ordering=desc',
    ]) {
      await refused(`/articles?populate[topics][${option}]`, /populate option ".+" on "topics" is not available/);
    }
  });

  it('limits populate depth for everybody, the site token included', async () => {
    const deep = '/home-page?populate=featured.article.author.avatar.related';
    await refused(deep, /5 levels deep; at most 4/);
    await refused(deep, /5 levels deep; at most 4/, TOKEN);
    await refused(
      '/articles?populate[author][populate][articles][populate][topics][populate][articles][populate][cover]=true',
      /levels deep/,
      TOKEN,
    );
    const withinDepth = await getJson(api('/home-page?populate=featured.article.author.avatar'), TOKEN);
    assert.equal(withinDepth.status, 200, withinDepth.text);
    const star = await getJson(api('/articles?populate=*&pagination[pageSize]=2'), TOKEN);
    assert.equal(star.status, 200, 'the site token is not held to the allow-list');
  });

  it('bounds filters, _q and the parameters the public may send', async () => {
    const long = 'a'.repeat(201);
    await refused(`/articles?filters[title][$containsi]=${long}`, /201 characters; at most 200/);
    await refused(`/articles?filters[$or][0][excerpt][$startsWith]=${long}`, /at most 200/);
    assert.equal((await getJson(api(`/articles?filters[title][$containsi]=${'a'.repeat(200)}`))).status, 200);
    await refused(
      '/articles?filters[topics][articles][author][articles][topics][slug][$eq]=x',
      /nest 7 levels; at most 6/,
    );
    const many = Array.from({ length: 101 }, (_, i) => `filters[slug][$in][${i}]=s${i}`).join('&');
    await refused(`/articles?${many}`, /at most 100 values/);
    await refused(`/articles?_q=${'b'.repeat(101)}`, /_q must be one string of at most 100/);
    assert.equal((await getJson(api('/articles?_q=magnesium&fields[0]=slug'))).status, 200);
    await refused('/articles?foo=1', /unknown query parameter "foo"/);
    await refused('/articles?locale=fr', /unknown query parameter "locale"/);
    await refused('/articles?count=true', /unknown query parameter "count"/);
    await refused('/articles?pageSize=1000', /pageSize must be a whole number from 1 up to 100/);
    await refused('/articles?limit=-1', /limit must be a whole number/);
  });

  it('stops search paging at the first 1,000 results', async () => {
    await refused('/search?q=magnesium&page=101&pageSize=10', /first 1000 matches/);
    await refused('/search?q=magnesium&page=21&pageSize=50', /first 1000 matches/);
    const last = await getJson<Page<unknown>>(api('/search?q=magnesium&page=100&pageSize=10'));
    assert.equal(last.status, 200, last.text);
    assert.ok(last.body.meta.pagination.pageCount <= 100, 'pageCount counts only the pages that can be asked for');
  });
};
