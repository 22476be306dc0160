export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

/** A minimal SSE reader over fetch (what a dashboard's EventSource does), for tests. */
export async function openSse(
  url: string,
  token: string,
  lastEventId?: string,
  fetcher: (url: string, init: RequestInit) => Promise<Response> | Response = fetch,
) {
  const ac = new AbortController();
  const res = await fetcher(url, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
    signal: ac.signal,
  });
  if (!res.ok || !res.body) throw new Error(`SSE ${url}: HTTP ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  const messages: SseMessage[] = [];
  let buffer = '';
  let waiters: (() => void)[] = [];
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let i;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const m: SseMessage = { data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith('id:')) m.id = line.slice(3).trim();
            else if (line.startsWith('event:')) m.event = line.slice(6).trim();
            else if (line.startsWith('data:')) m.data += line.slice(5).trim();
          }
          if (m.event || m.data) messages.push(m);
        }
        for (const w of waiters) w();
        waiters = [];
      }
    } catch {
      // aborted
    }
  })();
  return {
    messages,
    async next(pred: (m: SseMessage) => boolean, timeoutMs = 15_000): Promise<SseMessage> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const m = messages.find(pred);
        if (m) return m;
        if (Date.now() > until) throw new Error(`no matching SSE message; got ${JSON.stringify(messages)}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 200);
        });
      }
    },
    close: () => ac.abort(),
  };
}
