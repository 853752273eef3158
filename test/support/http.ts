/** What a test sees of an HTTP answer: the status, the parsed JSON body (or null) and the raw text. */
export interface Answer {
  status: number;
  // Bodies are checked field by field with expect(); `any` keeps those checks short.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
  headers: Headers;
}

export interface CallOptions {
  key?: string | null;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, with `contentType`. */
  raw?: string;
  contentType?: string;
}

/** A client for one running service: `api.get('/api/v1/rounds', { key })`. */
export class Api {
  constructor(readonly base: string) {}

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.raw !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/json';
      body = options.raw;
    }
    const response = await fetch(`${this.base}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = null;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed, text, headers: response.headers };
  }

  get = (path: string, options?: CallOptions) => this.call('GET', path, options);
  post = (path: string, options?: CallOptions) => this.call('POST', path, options);
  put = (path: string, options?: CallOptions) => this.call('PUT', path, options);
  patch = (path: string, options?: CallOptions) => this.call('PATCH', path, options);
  delete = (path: string, options?: CallOptions) => this.call('DELETE', path, options);

  /** Every assignment of a round (the test rounds fit one page of GET /rounds/{id}/assignments). */
  async assignments(roundId: string, key: string): Promise<Answer['body'][]> {
    const page = await this.get(`/api/v1/rounds/${roundId}/assignments?limit=1000`, { key });
    if (page.status !== 200) throw new Error(`GET round ${roundId} assignments: ${page.status} ${page.text}`);
    if (page.body.total > page.body.items.length) throw new Error(`round ${roundId} has ${page.body.total} assignments, more than one page`);
    return page.body.items;
  }

  /** Polls GET /api/v1/jobs/{id} until the job has finished; returns the job. */
  async waitForJob(jobId: string, key: string, timeoutMs = 30_000): Promise<Answer['body']> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await this.get(`/api/v1/jobs/${jobId}`, { key });
      if (job.status !== 200) throw new Error(`GET job ${jobId}: ${job.status} ${job.text}`);
      if (['succeeded', 'failed', 'cancelled'].includes(job.body.status)) return job.body;
      if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.body.status} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
