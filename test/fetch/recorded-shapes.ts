/** Responses in the shapes the real APIs send (Hugging Face daily papers, arXiv Atom), with made-up papers. */

/** One daily-papers item, as `/api/daily_papers` lists it; `extra` changes the paper. */
export function hfItem(id: string, day: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const title = `Paper ${id}`;
  const summary = `What paper ${id} shows.`;
  return {
    paper: {
      id,
      authors: [
        { _id: `a${id}`, name: 'Ada Lovelace', hidden: false },
        { _id: `b${id}`, name: 'Alan Turing', hidden: false },
      ],
      publishedAt: `${day}T09:00:00.000Z`,
      title,
      summary,
      upvotes: 12,
      discussionId: `d${id}`,
      githubRepo: `https://github.com/example/${id.replace('.', '-')}`,
      projectPage: `https://example.org/${id}`,
      ai_keywords: ['diffusion', 'agents'],
      ...extra,
    },
    publishedAt: `${day}T13:08:55.000Z`,
    title,
    summary,
    thumbnail: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id}.png`,
    numComments: 1,
    submittedBy: { _id: 'u1', avatarUrl: '/avatars/u1.svg', fullname: 'Submitter', name: 'submitter', type: 'user' },
    isAuthorParticipating: false,
    submittedOnDailyAt: `${day}T13:08:55.000Z`,
  };
}

/** Daily-papers items `first`… for `day`, ids `2612.0NNNN`. */
export const hfItems = (day: string, count: number, first = 1) =>
  Array.from({ length: count }, (_, i) => hfItem(`2612.${String(first + i).padStart(5, '0')}`, day));

/** One arXiv entry. */
export interface AtomEntry {
  readonly id: string;
  readonly published: string;
}

/** A page of the arXiv API: `entries` from `start`, of `total` in all. */
export function atomPage(entries: readonly AtomEntry[], total: number, start = 0): string {
  const body = entries
    .map(
      ({ id, published }) => `
  <entry>
    <id>http://arxiv.org/abs/${id}v1</id>
    <updated>${published}T18:00:00Z</updated>
    <published>${published}T18:00:00Z</published>
    <title>Results on
      ${id} &amp; more</title>
    <summary>  We show what ${id} shows.
    </summary>
    <author>
      <name>Ada Lovelace</name>
    </author>
    <author>
      <name>Alan Turing</name>
    </author>
    <arxiv:doi>10.1000/${id}</arxiv:doi>
    <link title="doi" href="http://dx.doi.org/10.1000/${id}" rel="related"/>
    <arxiv:comment>12 pages. Code: https://github.com/example/${id}</arxiv:comment>
    <arxiv:journal_ref>J. Examples 1 (2026) 1-12</arxiv:journal_ref>
    <link href="http://arxiv.org/abs/${id}v1" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/${id}v1" rel="related" type="application/pdf"/>
    <arxiv:primary_category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
    <category term="stat.ML" scheme="http://arxiv.org/schemas/atom"/>
  </entry>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <link href="http://arxiv.org/api/query?search_query%3Dcat%3Acs.LG%26id_list%3D%26start%3D${start}%26max_results%3D10" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=cat:cs.LG&amp;id_list=&amp;start=${start}&amp;max_results=10</title>
  <id>http://arxiv.org/api/cHxbiOdZaP56ODnBPIenZhzg5f8</id>
  <updated>2026-12-07T00:00:00-05:00</updated>
  <opensearch:totalResults>${total}</opensearch:totalResults>
  <opensearch:startIndex>${start}</opensearch:startIndex>
  <opensearch:itemsPerPage>10</opensearch:itemsPerPage>${body}
</feed>
`;
}

/** `count` entries, ids `2612.0NNNN` from `first`, published one a day back from `newest`. */
export function atomEntries(count: number, first = 1, newest = '2026-12-07'): AtomEntry[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.parse(`${newest}T00:00:00Z`) - (first - 1 + i) * 86_400_000).toISOString().slice(0, 10);
    return { id: `2612.${String(first + i).padStart(5, '0')}`, published: day };
  });
}

/** The arXiv API's answer to a query it cannot read. */
export const atomError = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>arXiv Query: search_query=cat:&amp;id_list=</title>
  <id>http://arxiv.org/api/error</id>
  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_search_query</id>
    <title>Error</title>
    <summary>incorrect search_query</summary>
  </entry>
</feed>
`;
