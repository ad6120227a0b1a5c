/**
 * A feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1). JSON.stringify escapes every
 * string, so entry text stays text.
 */
import { feedTime, type FeedProps } from '../pages/feed-pages.ts';
import { absoluteUrl, feedUrl, href, paperUrl } from '../urls.ts';

/** The JSON Feed document of `feed`, with absolute links on the public origin `site`. */
export function jsonFeed(feed: FeedProps, site: URL | string): string {
  const url = (path: string) => absoluteUrl(path, site);
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: url(href(feed.page)),
    feed_url: url(feedUrl(feed.page, 'json')),
    description: feed.description,
    items: feed.items.map((item) => {
      const tags = [...new Set(item.categories.map((category) => category.label))];
      return {
        id: url(paperUrl(item.slug)),
        url: url(paperUrl(item.slug)),
        ...(item.external ? { external_url: item.external } : {}),
        title: item.title,
        // An item must have content; the abstract is both the content and its summary.
        content_text: item.abstract,
        ...(item.abstract ? { summary: item.abstract } : {}),
        date_published: feedTime(item.date),
        ...(item.authors.length > 0 ? { authors: item.authors.map((name) => ({ name })) } : {}),
        ...(tags.length > 0 ? { tags } : {}),
      };
    }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
